import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/** Set by sendCachedPage on a page every anonymous visitor gets the same copy of. */
export const PUBLIC_PAGE_HEADER = 'x-loupe-public-page'

/** What shield keeps in every session: on its own it is no reason for a cookie. */
const CSRF_SECRET_KEY = 'csrf-secret'

/**
 * A server middleware (outside the router's, so it runs after the HTTP session has been
 * committed): a public page whose visitor has nothing in their session but a CSRF secret
 * goes out with no Set-Cookie, so a CDN or browser cache can keep and share it. A visitor
 * with a real session (signed in, flash messages, a booking in progress) keeps it.
 */
export default class PublicPageMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    await next()
    if (!ctx.response.getHeader(PUBLIC_PAGE_HEADER)) return
    ctx.response.removeHeader(PUBLIC_PAGE_HEADER)
    const values = ctx.session?.initiated ? ctx.session.all() : {}
    if (Object.keys(values).every((key) => key === CSRF_SECRET_KEY)) ctx.response.removeHeader('set-cookie')
  }
}
