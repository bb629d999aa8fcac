import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import UserPolicy from '#policies/user_policy'
import { createUserValidator, updateUserValidator, userSearchValidator } from '#validators/user'
import CreateStaffUser from '#actions/users/create_staff_user'
import UpdateUser from '#actions/users/update_user'
import SearchUsers from '#actions/users/search_users'
import { filledQuery } from '#services/http/query_string'

export default class UsersController {
  async index({ bouncer, request, view }: HttpContext) {
    await bouncer.with(UserPolicy).authorize('viewList')
    const filters = await userSearchValidator.validate(filledQuery(request.qs()))
    const users = await SearchUsers.handle(filters)
    users.baseUrl(request.url())
    users.queryString(filledQuery(request.qs()))
    const page = request.header('hx-request') ? 'pages/admin/users/_table' : 'pages/admin/users/index'
    return view.render(page, { users, filters })
  }

  async create({ bouncer, view }: HttpContext) {
    await bouncer.with(UserPolicy).authorize('create')
    return view.render('pages/admin/users/create')
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(UserPolicy).authorize('create')
    const input = await ctx.request.validateUsing(createUserValidator)
    const user = await CreateStaffUser.handle(ctx.actor, input)
    ctx.session.flash('success', `${user.fullName} can now sign in: we emailed ${user.email} a link to choose a password.`)
    return ctx.response.redirect().toRoute('admin.users.index')
  }

  async edit({ bouncer, params, view }: HttpContext) {
    const user = await User.findOrFail(params.id)
    await bouncer.with(UserPolicy).authorize('update', user)
    return view.render('pages/admin/users/edit', { user })
  }

  async update(ctx: HttpContext) {
    const user = await User.findOrFail(ctx.params.id)
    await ctx.bouncer.with(UserPolicy).authorize('update', user)
    const input = await ctx.request.validateUsing(updateUserValidator)
    await UpdateUser.handle(ctx.actor, user, input)
    ctx.session.flash('success', `${user.fullName} is saved.`)
    return ctx.response.redirect().toRoute('admin.users.index')
  }
}
