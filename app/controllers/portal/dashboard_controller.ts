import type { HttpContext } from '@adonisjs/core/http'
import StudioSetting from '#models/studio_setting'
import BuildFamilyTimeline from '#actions/portal/build_family_timeline'
import { isUuid } from '#services/http/route_ids'

/** The family timeline: the portal's home. */
export default class DashboardController {
  async show({ auth, request, view }: HttpContext) {
    const childId = isUuid(request.qs().child) ? request.qs().child : null
    const timeline = await BuildFamilyTimeline.handle(auth.user!.id, childId)
    const props = { ...timeline, studio: await StudioSetting.current() }
    if (request.header('hx-request')) return view.render('pages/portal/dashboard/_timeline', props)
    return view.render('pages/portal/dashboard/show', props)
  }
}
