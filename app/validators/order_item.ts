import vine from '@vinejs/vine'
import { withMessages } from '#validators/rules/messages'

/** An in-house item leaves the studio: its tracking number (`item` only tells the page which form to mark). */
export const orderItemShipmentValidator = vine.compile(
  vine.object({
    trackingNumber: vine.string().trim().minLength(1).maxLength(100),
  })
)
orderItemShipmentValidator.messagesProvider = withMessages({
  'trackingNumber.required': 'Enter the tracking number for the customer',
  'trackingNumber.minLength': 'Enter the tracking number for the customer',
})
