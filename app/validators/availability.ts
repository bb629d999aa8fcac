import vine from '@vinejs/vine'
import { withMessages } from '#validators/rules/messages'

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/
const messages = withMessages({
  'timezone.timezone': 'Choose a timezone from the list',
  'regex': 'Enter a time like 09:30',
  'from.required': 'Choose a date',
  'to.date.afterOrEqual': 'The last day must be on or after the first',
  'from.date.afterOrEqual': 'Choose today or a later date',
  'reason.required': 'Say why the studio is closed',
  'number': 'Enter a number',
  'withoutDecimals': 'Enter a whole number',
  'min': 'At least {{ min }}',
  'max': 'At most {{ max }}',
})

/** A time zone the runtime knows (IANA name). */
const knownTimezone = vine.createRule((value, _, field) => {
  if (typeof value !== 'string') return
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value })
  } catch {
    field.report('Choose a timezone from the list', 'timezone', field)
  }
})

/** An "HH:MM" later than a sibling field's (zero-padded times compare as strings). */
const laterThan = vine.createRule<{ field: string; message: string }>((value, options, field) => {
  const other = (field.parent as Record<string, unknown>)?.[options.field]
  if (typeof value === 'string' && typeof other === 'string' && value <= other) field.report(options.message, 'laterThan', field)
})

const fiveMinutes = vine.createRule((value, _, field) => {
  if (typeof value === 'number' && value % 5 !== 0) field.report('Use a multiple of 5 minutes', 'fiveMinutes', field)
})

export const bookingRulesValidator = vine.compile(
  vine.object({
    timezone: vine.string().trim().use(knownTimezone()),
    slotMinutes: vine.number().withoutDecimals().min(5).max(240).use(fiveMinutes()),
    bufferBeforeMinutes: vine.number().withoutDecimals().min(0).max(240).use(fiveMinutes()),
    bufferAfterMinutes: vine.number().withoutDecimals().min(0).max(240).use(fiveMinutes()),
    bookingMinNoticeHours: vine.number().withoutDecimals().min(0).max(24 * 60),
    bookingHorizonDays: vine.number().withoutDecimals().min(1).max(730),
    maxSessionsPerDay: vine.number().withoutDecimals().min(1).max(200).optional(),
    cancellationWindowHours: vine.number().withoutDecimals().min(0).max(24 * 60),
    depositPercent: vine.number().withoutDecimals().min(0).max(100),
    planFinalDueDays: vine.number().withoutDecimals().min(0).max(365),
    sessionReminderHours: vine.number().withoutDecimals().min(1).max(24 * 14),
  })
)
bookingRulesValidator.messagesProvider = messages

export const businessHourValidator = vine.compile(
  vine.object({
    weekday: vine.number().withoutDecimals().min(1).max(7),
    opensAt: vine.string().trim().regex(HHMM),
    closesAt: vine.string().trim().regex(HHMM).use(laterThan({ field: 'opensAt', message: 'Closing must be after opening' })),
    capacity: vine.number().withoutDecimals().min(1).max(20),
  })
)
businessHourValidator.messagesProvider = messages

/** Seven rows: `days[1..7]` each with `works`, and optional own hours. */
export const workingDaysValidator = vine.compile(
  vine.object({
    days: vine
      .array(
        vine.object({
          weekday: vine.number().withoutDecimals().min(1).max(7),
          works: vine.boolean().optional(),
          startsAt: vine.string().trim().regex(HHMM).optional().requiredIfExists('endsAt'),
          endsAt: vine
            .string()
            .trim()
            .regex(HHMM)
            .use(laterThan({ field: 'startsAt', message: 'The end must be after the start' }))
            .optional()
            .requiredIfExists('startsAt'),
        })
      )
      .maxLength(7),
  })
)
workingDaysValidator.messagesProvider = messages

export const blackoutValidator = vine.compile(
  vine.object({
    from: vine.date({ formats: ['YYYY-MM-DD'] }).afterOrEqual('today'),
    to: vine.date({ formats: ['YYYY-MM-DD'] }).afterOrEqual((field) => (field.parent as { from?: string }).from ?? 'today').optional(),
    photographerId: vine.string().trim().uuid().optional(),
    reason: vine.string().trim().minLength(2).maxLength(255),
  })
)
blackoutValidator.messagesProvider = messages
