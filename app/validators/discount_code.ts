import vine from '@vinejs/vine'
import { DISCOUNT_KINDS, DISCOUNT_TARGETS } from '#models/discount_code'
import { withMessages } from '#validators/rules/messages'
import { uniqueIn } from '#validators/rules/unique_in'

/** A discount code: percent (whole %) or fixed (dollars), off the order, the shipping or the cheapest units (buy X get Y). */
export const discountCodeValidator = vine.withMetaData<{ id?: string }>().compile(
  vine.object({
    code: vine.string().trim().toUpperCase().regex(/^[A-Z0-9_-]{3,40}$/).use(uniqueIn({ table: 'discount_codes', column: 'code', message: 'This code exists already' })),
    description: vine.string().trim().maxLength(255).optional(),
    kind: vine.enum(DISCOUNT_KINDS),
    appliesTo: vine.enum(DISCOUNT_TARGETS),
    amount: vine.number().min(0.01).max(100_000).decimal([0, 2]),
    startsAt: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
    endsAt: vine.date({ formats: ['YYYY-MM-DD'] }).afterField('startsAt').optional(),
    minOrderAmount: vine.number().min(0).max(100_000).decimal([0, 2]).optional(),
    maxRedemptions: vine.number().withoutDecimals().min(1).optional(),
    maxPerCustomer: vine.number().withoutDecimals().min(1).optional(),
    buyQuantity: vine.number().withoutDecimals().min(1).max(100).optional().requiredWhen('appliesTo', '=', 'buy_x_get_y'),
    getQuantity: vine.number().withoutDecimals().min(1).max(100).optional().requiredWhen('appliesTo', '=', 'buy_x_get_y'),
  })
)
discountCodeValidator.messagesProvider = withMessages({
  'code.regex': 'Use 3 to 40 letters, digits, - or _',
  'endsAt.afterField': 'End after the start',
  'buyQuantity.requiredWhen': 'How many to buy',
  'buyQuantity.required': 'How many to buy',
  'getQuantity.required': 'How many come discounted',
  'getQuantity.requiredWhen': 'How many come discounted',
  'number': 'Enter a number',
})
export type DiscountCodeInput = Awaited<ReturnType<typeof discountCodeValidator.validate>>
