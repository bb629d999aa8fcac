import app from '@adonisjs/core/services/app'
import { HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import type { StatusPageRange, StatusPageRenderer } from '@adonisjs/core/types/http'
import { areaOf } from '#services/http/area'

/** Errors whose status page Loupe renders itself, in the layout of the area asked for. */
const STATUS_BY_CODE: Record<string, number> = {
  E_AUTHORIZATION_FAILURE: 403,
  E_ROUTE_NOT_FOUND: 404,
  E_ROW_NOT_FOUND: 404,
  E_BAD_CSRF_TOKEN: 419,
  E_TOO_MANY_REQUESTS: 429,
  E_INVALID_SIGNED_URL: 403,
}

const MESSAGES: Record<number, string> = {
  403: 'You do not have access to this page.',
  404: 'We could not find that page.',
  419: 'This form has expired. Go back, reload the page and try again.',
  429: 'Too many requests. Please wait a moment and try again.',
  500: 'Something went wrong on our side. Please try again.',
}

export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = !app.inProduction

  protected renderStatusPages = app.inProduction

  protected statusPages: Record<StatusPageRange, StatusPageRenderer> = {
    '500..599': (_, ctx) => this.renderStatusPage(500, ctx),
  }

  async handle(error: any, ctx: HttpContext) {
    // A policy's deny('…', 404) hides what exists; its status wins over the default 403.
    const denial = error?.code === 'E_AUTHORIZATION_FAILURE' ? error.response?.status : undefined
    const status = denial ?? STATUS_BY_CODE[error?.code]
    if (status) {
      return this.renderStatusPage(status, ctx, error)
    }
    return super.handle(error, ctx)
  }

  async report(error: unknown, ctx: HttpContext) {
    return super.report(error, ctx)
  }

  private async renderStatusPage(status: number, ctx: HttpContext, error?: any) {
    const retryAfter = status === 429 ? Number(error?.response?.availableIn ?? 60) : undefined
    if (retryAfter) ctx.response.header('Retry-After', String(retryAfter))

    // A deny('…') written for people (downloads off, read-only preview) says why; a bare `false` doesn't.
    const denied = error?.code === 'E_AUTHORIZATION_FAILURE' ? error.response?.message : undefined
    const message = error?.code === 'E_INVALID_SIGNED_URL' ? error.message : (denied ?? MESSAGES[status])
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return ctx.response.status(status).send({ errors: [{ message, status }], retryAfter })
    }
    // A CSRF failure stops the request before the auth middleware shares `auth`.
    if (!ctx.auth) ctx.view.share({ auth: { user: null } })
    const html = await ctx.view.render('pages/errors/status', {
      status,
      message,
      retryAfter,
      area: areaOf(ctx),
      backUrl: error?.backUrl ?? null,
    })
    return ctx.response.status(status).type('html').send(html)
  }
}
