import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import type BookingDraft from '#models/booking_draft'
import Package from '#models/package'
import CreateChild from '#actions/children/create_child'
import type { ChildInput } from '#validators/child'

/**
 * Adds a child from the booking flow: to the family's profile when signed in, else to the
 * draft (it joins the family when the guest signs up). Selected for the session while the
 * package has room.
 */
export default class AddBookingChild {
  static async handle(draft: BookingDraft, familyId: string | null, input: ChildInput) {
    const pkg = await Package.findOrFail(draft.packageId)
    const details = draft.details
    let id: string
    if (familyId) {
      id = (await CreateChild.handle(familyId, input)).id
    } else {
      id = randomUUID()
      const guest = {
        id,
        firstName: input.firstName,
        lastName: input.lastName,
        birthDate: input.birthDate ? DateTime.fromJSDate(input.birthDate).toISODate() : null,
        preferredStyle: input.preferredStyle ?? null,
        musicPreferences: input.musicPreferences || null,
        styleNotes: input.styleNotes || null,
        specialRequirements: input.specialRequirements || null,
      }
      draft.mergeDetails({ guestChildren: [...details.guestChildren, guest] })
    }
    const selected = draft.details.childIds
    if (selected.length < pkg.maxChildren) draft.mergeDetails({ childIds: [...selected, id] })
    await draft.save()
    return id
  }
}
