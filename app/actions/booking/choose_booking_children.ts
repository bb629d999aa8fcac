import type BookingDraft from '#models/booking_draft'
import Child from '#models/child'
import Package from '#models/package'

export type ChooseChildrenResult =
  | { ok: true }
  | { ok: false; reason: 'not_theirs' }
  | { ok: false; reason: 'too_many'; max: number }

/** Step 2: the children taking part, the family's own (never archived) or the guest's, within the package's maximum. */
export default class ChooseBookingChildren {
  static async handle(draft: BookingDraft, familyId: string | null, childIds: string[]): Promise<ChooseChildrenResult> {
    const pkg = await Package.findOrFail(draft.packageId)
    const guestIds = new Set(draft.details.guestChildren.map((child) => child.id))
    const ownIds = familyId
      ? new Set((await Child.query().where('parent_id', familyId).whereIn('id', childIds).select('id')).map((c) => c.id))
      : new Set<string>()
    if (childIds.some((id) => !guestIds.has(id) && !ownIds.has(id))) return { ok: false, reason: 'not_theirs' }
    if (childIds.length > pkg.maxChildren) return { ok: false, reason: 'too_many', max: pkg.maxChildren }
    draft.mergeDetails({ childIds })
    await draft.save()
    return { ok: true }
  }
}
