import vine from '@vinejs/vine'
import { PAYMENT_OPTIONS } from '#models/booking_draft'
import { withMessages } from '#validators/rules/messages'

const messages = withMessages({
  'packageId.required': 'Choose a package',
  'packageId.uuid': 'Choose one of the packages',
  'childIds.required': 'Choose at least one child',
  'childIds.array.minLength': 'Choose at least one child',
  'childIds.minLength': 'Choose at least one child',
  'childIds.distinct': 'Choose each child once',
  'childIds.*.uuid': 'Choose one of your children',
  'startsAt.required': 'Choose a time',
  'photographer.required': 'Choose a photographer or "any"',
  'paymentOption.required': 'Choose how to pay',
  'paymentOption.enum': 'Choose one of the ways to pay',
  'total.required': 'The price is missing: reload the page',
  'dueNow.required': 'The amount due now is missing: reload the page',
  'month.regex': 'Choose a month',
  'date.regex': 'Choose a day',
})

/** Step 1: a package (and, from the package page, maybe a time already). */
export const startBookingValidator = vine.compile(
  vine.object({
    packageId: vine.string().trim().uuid(),
    startsAt: vine.string().trim().maxLength(40).optional(),
  })
)
startBookingValidator.messagesProvider = messages

export const bookingChildrenValidator = vine.compile(
  vine.object({
    childIds: vine.array(vine.string().trim().uuid()).minLength(1).maxLength(20).distinct(),
  })
)
bookingChildrenValidator.messagesProvider = messages

/** Month and day shown on the calendar (query string). */
export const calendarQueryValidator = vine.compile(
  vine.object({
    month: vine.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional(),
    date: vine.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    photographer: vine.string().trim().maxLength(40).optional(),
  })
)
calendarQueryValidator.messagesProvider = messages

/** Step 3: a start time (ISO, as the slot list gives it) and a photographer or "any". */
export const bookingTimeValidator = vine.compile(
  vine.object({
    startsAt: vine.string().trim().maxLength(40),
    photographer: vine.string().trim().maxLength(40).optional(),
    next: vine.enum(['review'] as const).optional(),
  })
)
bookingTimeValidator.messagesProvider = messages

export const bookingNotesValidator = vine.compile(
  vine.object({
    specialRequests: vine.string().trim().maxLength(2000).optional(),
    stylingRequests: vine.record(vine.string().trim().maxLength(1000).optional()).optional(),
  })
)
bookingNotesValidator.messagesProvider = messages

export const bookingPaymentValidator = vine.compile(
  vine.object({ paymentOption: vine.enum(PAYMENT_OPTIONS) })
)
bookingPaymentValidator.messagesProvider = messages

/** Step 6: the amounts the family saw, checked against the price now. */
export const bookingConfirmationValidator = vine.compile(
  vine.object({
    total: vine.number().withoutDecimals().min(0),
    dueNow: vine.number().withoutDecimals().min(0),
  })
)
bookingConfirmationValidator.messagesProvider = messages
