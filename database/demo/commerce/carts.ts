import { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import Cart from '#models/cart'
import CartItem from '#models/cart_item'
import type User from '#models/user'
import { DemoRandom } from '#database/demo/random'
import type { Shop } from '#database/demo/commerce/shop'

async function fill(cart: Cart, rng: DemoRandom, shop: Shop, owner: User | null, client: QueryClientContract) {
  const own = owner ? shop.galleries.filter((g) => g.photoSession.userId === owner.id) : []
  for (let i = rng.int(1, 3); i > 0; i--) {
    const gallery = own.length && shop.variants.length && rng.chance(0.6) ? rng.pick(own) : null
    if (gallery) {
      await CartItem.create(
        {
          cartId: cart.id,
          productVariantId: rng.pick(shop.variants).id,
          photoId: rng.pick(gallery.photos).id,
          quantity: rng.int(1, 2),
        },
        { client }
      )
    } else if (shop.artworks.length) {
      const artwork = rng.pick(shop.artworks)
      const option = rng.pick(artwork.printOptions)
      await CartItem.create(
        { cartId: cart.id, productVariantId: option.productVariantId, artworkId: artwork.id, quantity: 1 },
        { client }
      )
    }
  }
}

/**
 * Open carts: Casey's and a few families' (found by user), and guest carts found by
 * their token. A cart that exists is left as it is.
 */
export async function seedCarts(client: QueryClientContract, shop: Shop, scale: number) {
  const now = DateTime.now()
  const casey = shop.customers.filter((c) => c.email === 'customer@loupe.test')
  const families = shop.customers.filter((_, i) => i % 7 === 2).slice(0, 4 * scale)
  for (const [index, owner] of [...casey, ...families].entries()) {
    if (await Cart.query({ client }).where('user_id', owner.id).first()) continue
    const rng = new DemoRandom(`commerce-cart-${owner.email}`)
    const at = now.minus({ hours: rng.int(1, 24 * (index + 1)) })
    const cart = await Cart.create({ userId: owner.id, createdAt: at, updatedAt: at }, { client })
    await fill(cart, rng, shop, owner, client)
  }
  for (let n = 1; n <= 2 * scale; n++) {
    const guestToken = `demo-guest-cart-${String(n).padStart(3, '0')}`
    if (await Cart.query({ client }).where('guest_token', guestToken).first()) continue
    const rng = new DemoRandom(guestToken)
    const at = now.minus({ hours: rng.int(1, 72) })
    const cart = await Cart.create({ guestToken, createdAt: at, updatedAt: at }, { client })
    await fill(cart, rng, shop, null, client)
  }
}
