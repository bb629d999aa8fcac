import factory from '@adonisjs/lucid/factories'
import WishlistItem from '#models/wishlist_item'
import { ArtworkFactory } from '#database/factories/artwork_factory'
import { ProductFactory } from '#database/factories/product_factory'
import { UserFactory } from '#database/factories/user_factory'
import { ensureParent, willCreate } from '#database/factories/support/parent'

/** The customer is made when not given; so is a product unless an artwork is given. */
export const WishlistItemFactory = factory
  .define(WishlistItem, () => ({}))
  .before('create', async (builder, item, ctx) => {
    item.userId = (await ensureParent(builder, 'user', item.userId, () => UserFactory.query().useCtx(ctx).create()))!
    if (item.artworkId || willCreate(builder, 'artwork')) return
    item.productId = (await ensureParent(builder, 'product', item.productId, () =>
      ProductFactory.query().useCtx(ctx).create()
    ))!
  })
  .relation('user', () => UserFactory)
  .relation('product', () => ProductFactory)
  .relation('artwork', () => ArtworkFactory)
  .build()
