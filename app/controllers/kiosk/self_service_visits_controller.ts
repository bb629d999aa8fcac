import type { HttpContext } from '@adonisjs/core/http'
import { randomUUID } from 'node:crypto'
import FindSelfServiceSession from '#actions/kiosk/find_self_service_session'
import CheckInSelfService from '#actions/kiosk/check_in_self_service'
import { releaseSheet } from '#actions/kiosk/release_text'
import { selfServiceCheckInValidator, selfServiceLookupValidator } from '#validators/kiosk'
import { selfServiceState } from '#middleware/kiosk_self_service_middleware'
import { fieldError } from '#services/http/field_error'
import { notFound } from '#services/http/route_ids'
import PhotoSession from '#models/photo_session'

const REFUSALS = {
  not_allowed: ['childIds', 'This session cannot be checked in here: please see the front desk.'],
  no_template: ['signature', 'The release is not ready: please see the front desk.'],
  not_on_session: ['childIds', 'Tick only your children on this session.'],
  bad_signature: ['signature', 'Sign in the box with your finger'],
  release_needed: ['signature', 'Type your name and sign in the box with your finger'],
} satisfies Record<string, [string, string]>

/**
 * A family's visit at the self-service tablet, found by its QR code or session number
 * (the URL carries the session's secret check-in token, never an id to guess).
 */
export default class SelfServiceVisitsController {
  /** The start screen's form: scan or type, then the family's own page. */
  async lookup({ request, response, view }: HttpContext) {
    const { code } = await request.validateUsing(selfServiceLookupValidator)
    const found = await FindSelfServiceSession.handle(code)
    if (!found?.checkInToken) {
      response.status(422)
      return view.render('pages/kiosk/self_service/show', { error: 'We could not find that session for today. Check the number on your confirmation, or ask at the desk.' })
    }
    return response.redirect().status(303).toRoute('kiosk.self_service_visits.show', { token: found.checkInToken })
  }

  async show({ params, view }: HttpContext) {
    const sheet = await releaseSheet((await this.#find(params.token)).id)
    return view.render('pages/kiosk/self_service/visit', { ...sheet, token: params.token, releaseKey: randomUUID() })
  }

  async store(ctx: HttpContext) {
    const found = await this.#find(ctx.params.token)
    const input = await ctx.request.validateUsing(selfServiceCheckInValidator)
    const sheet = await releaseSheet(found.id)
    const release = input.signerName && input.signature ? { signerName: input.signerName, signature: input.signature, idempotencyKey: input.idempotencyKey, staffUserId: selfServiceState(ctx)?.startedBy ?? null } : null
    const result = await CheckInSelfService.handle(ctx.actor, sheet.session, {
      presentChildIds: input.childIds,
      release,
      unsignedChildIds: sheet.unsigned.map((item) => item.child.id),
    })
    if (!result.ok) throw fieldError(...REFUSALS[result.reason])
    ctx.session.flash('done', sheet.session.user.firstName)
    return ctx.response.redirect().status(303).toRoute('kiosk.self_service_visits.done')
  }

  async done({ view }: HttpContext) {
    return view.render('pages/kiosk/self_service/done')
  }

  async #find(token: string) {
    const session = await PhotoSession.query().where('check_in_token', String(token)).whereNot('status', 'cancelled').first()
    if (!session) notFound(PhotoSession)
    return session
  }
}
