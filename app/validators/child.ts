import vine from '@vinejs/vine'
import { DateTime } from 'luxon'
import { PREFERRED_STYLES } from '#models/child'
import { withMessages } from '#validators/rules/messages'

const messages = withMessages({
  'firstName.required': "Enter the child's first name",
  'lastName.required': "Enter the child's last name",
  'birthDate.date': 'Enter a date',
  'birthDate.date.beforeOrEqual': 'The birth date cannot be in the future',
  'birthDate.date.afterOrEqual': 'Enter a birth date in the last 25 years',
  'preferredStyle.enum': 'Choose rock, punk, metal or alternative',
})

/** The fields of a child profile, shared by the portal and the booking flow's inline form. */
export const childFields = {
  firstName: vine.string().trim().minLength(1).maxLength(100),
  lastName: vine.string().trim().minLength(1).maxLength(100),
  birthDate: vine
    .date({ formats: ['YYYY-MM-DD'] })
    .beforeOrEqual('today')
    .afterOrEqual(() => DateTime.now().minus({ years: 25 }).toISODate()!)
    .optional(),
  preferredStyle: vine.enum(PREFERRED_STYLES).optional(),
  musicPreferences: vine.string().trim().maxLength(500).optional(),
  styleNotes: vine.string().trim().maxLength(1000).optional(),
  specialRequirements: vine.string().trim().maxLength(1000).optional(),
}

export const childValidator = vine.compile(vine.object(childFields))
childValidator.messagesProvider = messages

export type ChildInput = Awaited<ReturnType<typeof childValidator.validate>>
