import { DateTime } from 'luxon'
import Child from '#models/child'
import type { ChildInput } from '#validators/child'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/** The columns of a child profile from the validated form (empty optional fields become null). */
export function childAttributes(input: ChildInput) {
  return {
    firstName: input.firstName,
    lastName: input.lastName,
    birthDate: input.birthDate ? DateTime.fromJSDate(input.birthDate) : null,
    preferredStyle: input.preferredStyle ?? null,
    musicPreferences: input.musicPreferences || null,
    styleNotes: input.styleNotes || null,
    specialRequirements: input.specialRequirements || null,
  }
}

/** Adds a child to a family. */
export default class CreateChild {
  static handle(familyId: string, input: ChildInput, options: { id?: string; client?: TransactionClientContract } = {}) {
    return Child.create(
      { ...(options.id ? { id: options.id } : {}), parentId: familyId, ...childAttributes(input) },
      { client: options.client }
    )
  }
}
