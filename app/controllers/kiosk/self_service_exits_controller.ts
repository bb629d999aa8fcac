import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import SignInWithPin from '#actions/kiosk/sign_in_with_pin'
import { pinSignInValidator } from '#validators/kiosk'
import { SELF_SERVICE_KEY } from '#middleware/kiosk_self_service_middleware'
import { stampSession } from '#services/auth/session_epoch'
import { describeWait } from '#services/http/describe_wait'

const staffWithPins = () => User.query().whereIn('role', ['staff', 'admin']).whereNotNull('kiosk_pin_hash').whereNull('deactivated_at').orderBy('first_name')

/** Only a staff PIN (throttled like the sign-in PIN) leaves self-service mode; that person is then signed in. */
export default class SelfServiceExitsController {
  async create({ view }: HttpContext) {
    return view.render('pages/kiosk/self_service/exit', { staff: await staffWithPins() })
  }

  async store(ctx: HttpContext) {
    const { userId, pin } = await ctx.request.validateUsing(pinSignInValidator)
    const result = await SignInWithPin.handle(userId, pin, ctx.kioskDeviceId!)
    if (!result.ok) {
      ctx.response.status(result.reason === 'throttled' ? 429 : 422)
      const error = result.reason === 'throttled' ? `Too many wrong tries. Try again in ${describeWait(result.retryAfterSeconds)}.` : 'That PIN is not right.'
      return ctx.view.render('pages/kiosk/self_service/exit', { staff: await staffWithPins(), error })
    }
    ctx.session.forget(SELF_SERVICE_KEY)
    await ctx.auth.use('web').login(result.user)
    ctx.session.regenerate()
    stampSession(ctx)
    ctx.session.flash('success', 'Self-service mode is off.')
    return ctx.response.redirect().status(303).toRoute('kiosk.board.show')
  }
}
