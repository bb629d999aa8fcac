/*
| Application event listeners. Mail is logged by deliverMail() itself, so a test or a
| page can rely on the email_logs row existing once the send returns.
*/
import emitter from '@adonisjs/core/services/emitter'
import { CART_COOKIE } from '#controllers/site/shop/cart_cookie'

/** Signing in moves the browser's guest cart into the account's (and drops the cookie). */
emitter.on('session_auth:login_succeeded', async ({ ctx, user }) => {
  const token = ctx.request.encryptedCookie(CART_COOKIE)
  if (typeof token !== 'string') return
  ctx.response.clearCookie(CART_COOKIE)
  const { default: MergeCarts } = await import('#actions/shop/merge_carts')
  await MergeCarts.handle(token, (user as { id: string }).id)
})
