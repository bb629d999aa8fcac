import vine from '@vinejs/vine'
import { withMessages } from '#validators/rules/messages'

const messages = withMessages({
  'startsAt.required': 'Choose a new time',
  'reason.required': 'Say why',
  'reason.minLength': 'Say why in a few words',
  'to.required': 'Choose the new status',
  'to.enum': 'Choose one of the listed statuses',
  'method.required': 'Choose how it was paid',
  'method.enum': 'Choose cash, card or bank transfer',
  'date.regex': 'Enter a date',
  'time.regex': 'Enter a time like 14:30',
})

/** A family or the studio moves a session; the studio may override the rules, with a reason. */
export const rescheduleValidator = vine.compile(
  vine.object({
    startsAt: vine.string().trim().maxLength(40).optional().requiredIfMissing(['date']),
    /** The studio's form: a date and a wall-clock time in the studio's timezone. */
    date: vine.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    time: vine.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).optional().requiredIfExists('date'),
    photographer: vine.string().trim().maxLength(40).optional(),
    override: vine.boolean().optional(),
    reason: vine.string().trim().maxLength(500).optional(),
  })
)
rescheduleValidator.messagesProvider = messages

export const cancellationValidator = vine.compile(
  vine.object({ reason: vine.string().trim().minLength(3).maxLength(500) })
)
cancellationValidator.messagesProvider = messages

export const SESSION_MOVES = ['confirmed', 'checked_in', 'in_progress', 'completed', 'cancelled', 'no_show'] as const

export const sessionStatusValidator = vine.compile(
  vine.object({
    to: vine.enum(SESSION_MOVES),
    note: vine.string().trim().maxLength(500).optional(),
  })
)
sessionStatusValidator.messagesProvider = messages

export const sessionNotesValidator = vine.compile(
  vine.object({
    preparationNotes: vine.string().trim().maxLength(4000).optional(),
    stylingNotes: vine.string().trim().maxLength(4000).optional(),
    photographerNotes: vine.string().trim().maxLength(4000).optional(),
    completionNotes: vine.string().trim().maxLength(4000).optional(),
  })
)

export const paymentReceiptValidator = vine.compile(
  vine.object({ method: vine.enum(['cash', 'card', 'bank_transfer'] as const) })
)
paymentReceiptValidator.messagesProvider = messages

/** The studio calendar's query string. */
export const calendarViewValidator = vine.compile(
  vine.object({
    view: vine.enum(['day', 'week', 'month'] as const).optional(),
    date: vine.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    photographer: vine.string().trim().maxLength(40).optional(),
  })
)
