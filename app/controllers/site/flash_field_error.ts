import type { HttpContext } from '@adonisjs/core/http'

/**
 * A wrong answer on a gallery's entry forms, shown like a validation error (beside its
 * field, the other input kept) after the redirect back.
 */
export function flashFieldError(ctx: HttpContext, field: string, message: string) {
  ctx.session.flashExcept(['_csrf', '_method', 'password'])
  ctx.session.flash('inputErrorsBag', { [field]: [message] })
  ctx.session.flash('errors', { [field]: [message] })
}
