import type PhotoSession from '#models/photo_session'
import CheckInSession from '#actions/kiosk/check_in_session'
import SignModelRelease, { type SignReleaseInput } from '#actions/kiosk/sign_model_release'
import type { Actor } from '#support/actor'

export type SelfCheckInResult =
  | { ok: true; alreadyCheckedIn: boolean }
  | { ok: false; reason: 'not_allowed' | 'no_template' | 'not_on_session' | 'bad_signature' | 'release_needed' }

/**
 * A family checks itself in at the self-service tablet: the children present, the release
 * signed for those who have none yet, then the check-in (noting who came). The release
 * comes first, so a refused signature leaves the family not checked in, to try again.
 */
export default class CheckInSelfService {
  static async handle(actor: Actor, session: PhotoSession, input: { presentChildIds: string[]; release: Omit<SignReleaseInput, 'childIds'> | null; unsignedChildIds: string[] }): Promise<SelfCheckInResult> {
    const toSign = input.presentChildIds.filter((id) => input.unsignedChildIds.includes(id))
    if (toSign.length) {
      if (!input.release) return { ok: false, reason: 'release_needed' }
      const signed = await SignModelRelease.handle(actor, session.id, { ...input.release, childIds: toSign })
      if (!signed.ok) return signed
    }
    const present = session.children.filter((child) => input.presentChildIds.includes(child.id)).map((child) => child.firstName)
    const result = await CheckInSession.handle(actor, session.id, { note: `Self-service check-in: ${present.join(', ')} present` })
    if (!result.ok) return { ok: false, reason: 'not_allowed' }
    return { ok: true, alreadyCheckedIn: result.alreadyCheckedIn }
  }
}
