import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/** Guests are sent to the login page, which brings them back afterwards. */
export default class AuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (!ctx.auth.user) {
      if (ctx.request.accepts(['html', 'json']) === 'json') {
        return ctx.response.unauthorized({ errors: [{ message: 'Sign in to continue' }] })
      }
      if (ctx.request.method() === 'GET') {
        ctx.session.put('intended_url', ctx.request.url(true))
      }
      return ctx.response.redirect().toRoute('session.create')
    }
    return next()
  }
}
