import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import StudioPolicy from '#policies/studio_policy'
import { workingDaysValidator } from '#validators/availability'
import SaveWorkingDays from '#actions/availability/save_working_days'
import { isUuid, notFound } from '#services/http/route_ids'

/** One photographer's working week. */
export default class WorkingDaysController {
  async edit(ctx: HttpContext) {
    await ctx.bouncer.with(StudioPolicy).authorize('manage')
    const photographer = await findPhotographer(ctx.params.user_id)
    await photographer.load('workingDays')
    const days = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      weekday,
      label: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'][weekday - 1],
      day: photographer.workingDays.find((d) => d.weekday === weekday) ?? null,
    }))
    return ctx.view.render('pages/admin/working_days/edit', { photographer, days })
  }

  async update(ctx: HttpContext) {
    await ctx.bouncer.with(StudioPolicy).authorize('manage')
    const photographer = await findPhotographer(ctx.params.user_id)
    const { days } = await ctx.request.validateUsing(workingDaysValidator)
    await SaveWorkingDays.handle(ctx.actor, photographer, days)
    ctx.session.flash('success', `${photographer.fullName}'s week is saved.`)
    return ctx.response.redirect().status(303).toRoute('admin.availability.show')
  }
}

async function findPhotographer(id: unknown) {
  if (!isUuid(id)) notFound(User)
  const user = await User.query().where('id', id).where('role', 'photographer').first()
  if (!user) notFound(User)
  return user
}
