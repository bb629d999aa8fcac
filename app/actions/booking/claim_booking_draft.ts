import db from '@adonisjs/lucid/services/db'
import BookingDraft from '#models/booking_draft'
import type User from '#models/user'
import Child from '#models/child'
import CreateChild from '#actions/children/create_child'

/**
 * A guest signed up or in at the last step: the draft becomes the family's, and the
 * children added on the way join the family's profile (same ids, so nothing chosen is lost).
 */
export default class ClaimBookingDraft {
  static async handle(draft: BookingDraft, family: User) {
    if (draft.userId === family.id) return draft
    await db.transaction(async (trx) => {
      const locked = await BookingDraft.query({ client: trx }).where('id', draft.id).firstOrFail()
      for (const guest of locked.details.guestChildren) {
        if (await Child.query({ client: trx }).where('id', guest.id).first()) continue
        await CreateChild.handle(
          family.id,
          {
            ...guest,
            birthDate: guest.birthDate ? new Date(`${guest.birthDate}T12:00:00`) : undefined,
            preferredStyle: guest.preferredStyle ?? undefined,
            musicPreferences: guest.musicPreferences ?? undefined,
            styleNotes: guest.styleNotes ?? undefined,
            specialRequirements: guest.specialRequirements ?? undefined,
          },
          { id: guest.id, client: trx }
        )
      }
      locked.userId = family.id
      locked.mergeDetails({ guestChildren: [] })
      await locked.useTransaction(trx).save()
    })
    return draft.refresh()
  }
}
