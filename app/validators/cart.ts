import vine from '@vinejs/vine'
import { withMessages } from '#validators/rules/messages'
import { MAX_QUANTITY } from '#actions/shop/add_to_cart'

const messages = withMessages({
  'printOptionId.required': 'Choose a print size',
  'printOptionId.uuid': 'Choose one of the listed prints',
  'quantity.number': 'Enter a number of prints',
  'quantity.withoutDecimals': 'Enter a whole number of prints',
  'quantity.min': 'Enter at least {{ min }}',
  'quantity.max': `At most ${MAX_QUANTITY} of one print per order`,
})

/** "Add to cart" from an artwork's print options: which print and how many, never a price. */
export const addToCartValidator = vine.compile(
  vine.object({
    printOptionId: vine.string().uuid(),
    quantity: vine.number().withoutDecimals().min(1).max(MAX_QUANTITY),
  })
)
addToCartValidator.messagesProvider = messages

/** A print of a gallery photo: which variant and how many, never a price. */
export const addPhotoToCartValidator = vine.compile(
  vine.object({
    productVariantId: vine.string().uuid(),
    quantity: vine.number().withoutDecimals().min(1).max(MAX_QUANTITY),
  })
)
addPhotoToCartValidator.messagesProvider = withMessages({
  'productVariantId.required': 'Choose a print',
  'productVariantId.uuid': 'Choose one of the listed prints',
  'quantity.number': 'Enter a number of prints',
  'quantity.withoutDecimals': 'Enter a whole number of prints',
  'quantity.min': 'Enter at least {{ min }}',
  'quantity.max': `At most ${MAX_QUANTITY} of one print per order`,
})

/** A line's new quantity; 0 removes it. */
export const cartItemQuantityValidator = vine.compile(
  vine.object({ quantity: vine.number().withoutDecimals().min(0).max(MAX_QUANTITY) })
)
cartItemQuantityValidator.messagesProvider = messages
