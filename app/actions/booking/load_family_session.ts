import PhotoSession from '#models/photo_session'
import PaymentPlan from '#models/payment_plan'
import { withTrashed } from '#models/concerns/soft_deletes'
import { isUuid, notFound } from '#services/http/route_ids'

/**
 * A photo session as its page shows it: package, photographer, children (archived ones
 * too), payments, plan with installments, history. `familyId` limits it to that family's.
 */
export default class LoadFamilySession {
  static async handle(id: unknown, familyId: string | null) {
    if (!isUuid(id)) notFound(PhotoSession)
    const query = PhotoSession.query()
      .where('id', id)
      .preload('package')
      .preload('user')
      .preload('photographer', (photographer) => photographer.preload('photographerProfile'))
      .preload('children', (children) => withTrashed(children).orderBy('first_name'))
      .preload('sessionChildren')
      .preload('payments', (payments) => payments.orderBy('created_at', 'asc'))
      .preload('events', (events) => events.preload('actor'))
      .preload('reschedules', (moves) => moves.preload('actor'))
      .preload('modelReleases', (releases) => releases.preload('child', (child) => withTrashed(child)))
    if (familyId) query.where('user_id', familyId)
    const session = await query.first()
    if (!session) notFound(PhotoSession)
    const plan = await PaymentPlan.query()
      .where('photo_session_id', session.id)
      .whereNot('status', 'cancelled')
      .preload('installments')
      .first()
    return { session, plan }
  }
}
