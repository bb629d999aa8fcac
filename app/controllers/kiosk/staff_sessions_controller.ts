import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import { loginValidator } from '#validators/auth'
import { pinSignInValidator } from '#validators/kiosk'
import AttemptLogin from '#actions/auth/attempt_login'
import SignInWithPin from '#actions/kiosk/sign_in_with_pin'
import { stampSession } from '#services/auth/session_epoch'
import { describeWait } from '#services/http/describe_wait'

/** Staff sign in on a paired tablet: tap your name and type your PIN, or use your account. */
export default class StaffSessionsController {
  async create({ view }: HttpContext) {
    const staff = await User.query().whereIn('role', ['staff', 'admin']).whereNotNull('kiosk_pin_hash').whereNull('deactivated_at').orderBy('first_name')
    return view.render('pages/kiosk/staff_sessions/create', { staff })
  }

  async store(ctx: HttpContext) {
    const { request, response, view } = ctx
    const byPin = request.input('pin') !== undefined
    const result = byPin
      ? await (async () => {
          const { userId, pin } = await request.validateUsing(pinSignInValidator)
          return SignInWithPin.handle(userId, pin, ctx.kioskDeviceId!)
        })()
      : await (async () => {
          const { email, password } = await request.validateUsing(loginValidator)
          return AttemptLogin.handle(email, password, request.ip())
        })()
    if (!result.ok || !result.user.hasRole('staff', 'admin')) {
      const throttled = !result.ok && result.reason === 'throttled'
      response.status(throttled ? 429 : 422)
      const staff = await User.query().whereIn('role', ['staff', 'admin']).whereNotNull('kiosk_pin_hash').whereNull('deactivated_at').orderBy('first_name')
      const error = throttled
        ? `Too many wrong tries. Try again in ${describeWait((result as { retryAfterSeconds: number }).retryAfterSeconds)}.`
        : byPin ? 'That PIN is not right.' : 'The email or password is incorrect, or this account cannot use the front desk.'
      return view.render('pages/kiosk/staff_sessions/create', { staff, error })
    }
    await ctx.auth.use('web').login(result.user)
    ctx.session.regenerate()
    stampSession(ctx)
    return response.redirect().status(303).toRoute('kiosk.board.show')
  }

  /** The next staff member takes over: this person signs out, the tablet stays paired. */
  async destroy({ auth, response, session }: HttpContext) {
    await auth.use('web').logout()
    session.regenerate()
    return response.redirect().status(303).toRoute('kiosk.staff_session.create')
  }
}
