import type { HttpContext } from '@adonisjs/core/http'
import { profileValidator } from '#validators/user'
import UpdateProfile from '#actions/users/update_profile'

export default class ProfilesController {
  async edit({ view }: HttpContext) {
    return view.render('pages/portal/profile/edit')
  }

  async update({ auth, request, response, session }: HttpContext) {
    const input = await request.validateUsing(profileValidator)
    await UpdateProfile.handle(auth.user!, input)
    session.flash('success', 'Your profile is saved.')
    return response.redirect().toRoute('portal.profile.edit')
  }
}
