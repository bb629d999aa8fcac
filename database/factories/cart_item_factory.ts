import factory from '@adonisjs/lucid/factories'
import CartItem from '#models/cart_item'
import { CartFactory } from '#database/factories/cart_factory'
import { ProductVariantFactory } from '#database/factories/product_variant_factory'
import { PhotoFactory } from '#database/factories/photo_factory'
import { ArtworkFactory } from '#database/factories/artwork_factory'

/** Needs its cart and variant (`.with('productVariant', 1, (v) => v.with('product'))`). */
export const CartItemFactory = factory
  .define(CartItem, ({ faker }) => ({
    quantity: faker.number.int({ min: 1, max: 3 }),
    customization: null,
  }))
  .relation('cart', () => CartFactory)
  .relation('productVariant', () => ProductVariantFactory)
  .relation('photo', () => PhotoFactory)
  .relation('artwork', () => ArtworkFactory)
  .build()
