import vine from '@vinejs/vine'
import { withMessages } from '#validators/rules/messages'
import { SHIPPING_METHODS } from '#shop/rates'

/**
 * The checkout form: who, where, how fast, a code. Prices and totals are never read from
 * it; `expectedTotal` is only the total the customer confirmed, compared with ours.
 */
export const checkoutValidator = vine.compile(
  vine.object({
    email: vine.string().trim().email().maxLength(254),
    name: vine.string().trim().minLength(1).maxLength(150),
    line1: vine.string().trim().minLength(1).maxLength(255),
    line2: vine.string().trim().maxLength(255).optional(),
    city: vine.string().trim().minLength(1).maxLength(100),
    region: vine.string().trim().maxLength(100).optional(),
    postalCode: vine.string().trim().minLength(1).maxLength(20),
    country: vine.string().trim().fixedLength(2),
    phone: vine.string().trim().maxLength(32).optional(),
    shippingMethod: vine.enum(SHIPPING_METHODS).optional(),
    discountCode: vine.string().trim().maxLength(40).optional(),
    expectedTotal: vine.number().withoutDecimals().min(0).optional(),
    checkoutKey: vine.string().uuid(),
  })
)
checkoutValidator.messagesProvider = withMessages({
  'email.required': 'Enter your email: the receipt goes there',
  'email.email': 'Enter a valid email address',
  'name.required': 'Enter the name for the parcel',
  'line1.required': 'Enter the street address',
  'city.required': 'Enter the city',
  'postalCode.required': 'Enter the postal code',
  'country.required': 'Choose a country',
  'country.fixedLength': 'Choose a country from the list',
  'shippingMethod.enum': 'Choose a shipping method',
  'checkoutKey.required': 'Reload the checkout page and try again',
  'checkoutKey.uuid': 'Reload the checkout page and try again',
  'maxLength': 'Use at most {{ max }} characters',
})
