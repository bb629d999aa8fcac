import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import UserPolicy from '#policies/user_policy'
import SetUserActive from '#actions/users/set_user_active'

/** Deactivation as a resource: store deactivates, destroy reactivates. */
export default class UserDeactivationsController {
  async store(ctx: HttpContext) {
    return this.setActive(ctx, false)
  }

  async destroy(ctx: HttpContext) {
    return this.setActive(ctx, true)
  }

  private async setActive(ctx: HttpContext, active: boolean) {
    const user = await User.findOrFail(ctx.params.user_id)
    await ctx.bouncer.with(UserPolicy).authorize('update', user)
    await SetUserActive.handle(ctx.actor, user, active)
    ctx.session.flash('success', `${user.fullName} is ${active ? 'active again' : 'deactivated and signed out'}.`)
    return ctx.response.redirect().toRoute('admin.users.index')
  }
}
