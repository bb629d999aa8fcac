import vine from '@vinejs/vine'
import { ORDER_STATUSES } from '#models/order'
import { withMessages } from '#validators/rules/messages'

/** The admin list's filters (query string): status, number or email, placed between two days. */
export const orderSearchValidator = vine.compile(
  vine.object({
    status: vine.enum(ORDER_STATUSES).optional(),
    q: vine.string().trim().maxLength(254).optional(),
    from: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
    to: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
    page: vine.number().withoutDecimals().min(1).optional(),
  })
)

/** Moves the studio makes by hand; paid and refunded come from the money layer. */
export const ORDER_MOVES = ['in_production', 'shipped', 'delivered', 'cancelled'] as const

export const orderStatusValidator = vine.compile(
  vine.object({
    to: vine.enum(ORDER_MOVES),
    trackingNumber: vine.string().trim().maxLength(100).optional().requiredWhen('to', '=', 'shipped'),
    note: vine.string().trim().maxLength(500).optional(),
  })
)
orderStatusValidator.messagesProvider = withMessages({
  'to.enum': 'Choose a next step',
  'trackingNumber.required': 'Enter the tracking number for the customer',
  'trackingNumber.requiredWhen': 'Enter the tracking number for the customer',
})

/** The studio lowers one line in the review window (0 removes it); `itemId` also tells the page which form to mark. */
export const orderAdjustmentValidator = vine.compile(
  vine.object({
    itemId: vine.string().uuid(),
    quantity: vine.number().withoutDecimals().min(0).max(1000),
  })
)
orderAdjustmentValidator.messagesProvider = withMessages({
  'quantity.required': 'Enter the new quantity (0 removes the line)',
  'quantity.number': 'Enter the new quantity (0 removes the line)',
  'quantity.withoutDecimals': 'Enter a whole number',
  'quantity.min': 'Enter the new quantity (0 removes the line)',
  'quantity.max': 'Only lower a quantity',
})
