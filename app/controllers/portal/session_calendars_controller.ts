import type { HttpContext } from '@adonisjs/core/http'
import PhotoSessionPolicy from '#policies/photo_session_policy'
import LoadFamilySession from '#actions/booking/load_family_session'
import DescribeSession from '#actions/booking/describe_session'
import { icsInvitation } from '#services/calendar/ics'

/** "Add to calendar": the session's .ics, the same invitation the emails carry. */
export default class SessionCalendarsController {
  async show({ auth, bouncer, params, response }: HttpContext) {
    const { session } = await LoadFamilySession.handle(params.session_id, auth.user!.id)
    await bouncer.with(PhotoSessionPolicy).authorize('view', session)
    const facts = await DescribeSession.handle(session)
    response.header('content-type', 'text/calendar; charset=utf-8')
    response.header('content-disposition', `attachment; filename="${session.sessionNumber}.ics"`)
    return icsInvitation(facts.event)
  }
}
