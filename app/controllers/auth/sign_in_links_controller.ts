import type { HttpContext } from '@adonisjs/core/http'
import { forgotPasswordValidator } from '#validators/auth'
import RequestSignInLink from '#actions/auth/request_sign_in_link'
import { findUsableSignInLink } from '#services/auth/sign_in_links'
import { isGalleryPath } from '#services/galleries/gallery_links'

/** Emailed one-time sign-in links: the proof an account under attack asks for. */
export default class SignInLinksController {
  async store({ request, response, session }: HttpContext) {
    const { email } = await request.validateUsing(forgotPasswordValidator)
    await RequestSignInLink.handle(email)
    session.flash('success', `If ${email} has an account, a sign-in link is on its way. It works for 15 minutes.`)
    session.flash('email', email)
    return response.redirect().status(303).toRoute('session.create')
  }

  /** A page with one button, so a mail scanner fetching the link uses nothing up. */
  async show({ params, request, view, response }: HttpContext) {
    const link = await findUsableSignInLink(params.token)
    if (!link) response.status(410)
    const next = request.qs().next
    return view.render('pages/auth/sign_in_link', { token: params.token, valid: !!link, next: isGalleryPath(next) ? next : null })
  }
}
