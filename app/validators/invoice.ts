import vine from '@vinejs/vine'
import { INVOICE_KINDS, INVOICE_STATUSES } from '#models/invoice'
import { PAYMENT_PROVIDERS, PAYMENT_STATUSES, PAYMENT_TYPES } from '#models/payment'
import { withMessages } from '#validators/rules/messages'

/** Admin → Invoices filters (query string). */
export const invoiceSearchValidator = vine.compile(
  vine.object({
    status: vine.enum(INVOICE_STATUSES).optional(),
    kind: vine.enum(INVOICE_KINDS).optional(),
    q: vine.string().trim().maxLength(254).optional(),
    from: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
    to: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
    page: vine.number().withoutDecimals().min(1).optional(),
  })
)

/** Admin → Payments filters (query string). */
export const paymentSearchValidator = vine.compile(
  vine.object({
    status: vine.enum(PAYMENT_STATUSES).optional(),
    provider: vine.enum(PAYMENT_PROVIDERS).optional(),
    type: vine.enum(PAYMENT_TYPES).optional(),
    q: vine.string().trim().maxLength(254).optional(),
    from: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
    to: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
    page: vine.number().withoutDecimals().min(1).optional(),
  })
)

/** A refund: dollars and cents as typed, a reason, and the form's idempotency key. */
export const refundValidator = vine.compile(
  vine.object({
    amount: vine.number().positive().decimal([0, 2]).max(10_000_000),
    reason: vine.string().trim().minLength(3).maxLength(500),
    idempotencyKey: vine.string().trim().uuid(),
  })
)
refundValidator.messagesProvider = withMessages({
  'amount.required': 'Enter the amount to refund',
  'amount.number': 'Enter the amount to refund, like 25.00',
  'amount.positive': 'Enter an amount above zero',
  'amount.decimal': 'Enter dollars and cents, like 25.00',
  'reason.required': 'Say why the money goes back (the family reads it)',
  'reason.minLength': 'Say why the money goes back (the family reads it)',
})
