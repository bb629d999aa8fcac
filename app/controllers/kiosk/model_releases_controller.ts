import type { HttpContext } from '@adonisjs/core/http'
import { randomUUID } from 'node:crypto'
import ModelReleasePolicy from '#policies/model_release_policy'
import SignModelRelease from '#actions/kiosk/sign_model_release'
import { releaseSheet } from '#actions/kiosk/release_text'
import { modelReleaseValidator } from '#validators/kiosk'
import { fieldError } from '#services/http/field_error'
import { isUuid, notFound } from '#services/http/route_ids'

export const RELEASE_REFUSALS: Record<'no_template' | 'not_on_session' | 'bad_signature', [field: string, message: string]> = {
  no_template: ['signature', 'The studio has no model release template yet: ask at the desk.'],
  not_on_session: ['childIds', 'Tick only the children on this session.'],
  bad_signature: ['signature', 'Sign in the box with your finger'],
}

/** The desk hands the tablet to the parent, who signs the model release for each child. */
export default class ModelReleasesController {
  async create({ bouncer, params, view }: HttpContext) {
    await bouncer.with(ModelReleasePolicy).authorize('collect')
    if (!isUuid(params.session_id)) notFound()
    const sheet = await releaseSheet(params.session_id)
    return view.render('pages/kiosk/model_releases/create', { ...sheet, releaseKey: randomUUID() })
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(ModelReleasePolicy).authorize('collect')
    if (!isUuid(ctx.params.session_id)) notFound()
    const input = await ctx.request.validateUsing(modelReleaseValidator)
    const result = await SignModelRelease.handle(ctx.actor, ctx.params.session_id, { ...input, staffUserId: ctx.auth.user!.id })
    if (!result.ok) throw fieldError(...RELEASE_REFUSALS[result.reason])
    ctx.session.flash('success', result.signed ? `Model release signed by ${input.signerName}.` : 'That release was already signed.')
    return ctx.response.redirect().status(303).toRoute('kiosk.sessions.show', { session_id: ctx.params.session_id })
  }
}
