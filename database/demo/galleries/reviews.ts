import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import Artwork from '#models/artwork'
import type PhotoSession from '#models/photo_session'
import Product from '#models/product'
import Review from '#models/review'
import User from '#models/user'
import WishlistItem from '#models/wishlist_item'
import { DemoRandom } from '#database/demo/random'

const PRAISE = [
  ['Our little rocker felt like a star', 'The team was amazing with our shy daughter. By the end she was doing guitar jumps off the amp!'],
  ['Worth every penny', 'Styling, smoke machine, the works. The gallery was ready in a week.'],
  ['Grandma cried (happy tears)', 'We ordered the canvas for the living room. Beautiful colours.'],
  ['So much fun', 'Two hours flew by. The photographer knew every band our son loves.'],
  ['Great prints', 'The metal print looks incredible, colours really pop.'],
  ['Good but busy', 'Photos are lovely; the waiting room was a little chaotic on a Saturday.'],
]

/**
 * Families who finished a session review its package and often its photographer; some
 * also review a product. One review per family and subject; the odd one hidden by staff.
 */
export async function seedReviews(client: QueryClientContract, sessions: PhotoSession[], scale: number) {
  const products = await Product.query({ client }).where('active', true).orderBy('sort_order')
  const seen = new Set<string>()
  let created = 0
  for (const session of sessions) {
    if (created >= 25 * scale) break
    const rng = new DemoRandom(`review-${session.sessionNumber}`)
    const subjects: [Review['reviewableType'], string | null][] = [
      ['package', session.packageId],
      ['photographer', rng.chance(0.6) ? session.photographerId : null],
      ['product', products.length && rng.chance(0.3) ? rng.pick(products).id : null],
    ]
    for (const [type, id] of subjects) {
      if (!id || seen.has(`${session.userId}:${type}:${id}`)) continue
      seen.add(`${session.userId}:${type}:${id}`)
      const [title, body] = rng.pick(PRAISE)
      const rating = title === 'Good but busy' ? 3 : rng.chance(0.75) ? 5 : 4
      await Review.firstOrCreate(
        { userId: session.userId, reviewableType: type, reviewableId: id },
        { rating, title, body, status: rng.chance(0.08) ? 'hidden' : 'published' },
        { client }
      )
      created++
    }
  }
}

/** Families save artworks and products for later (about 30, × scale). */
export async function seedWishlists(client: QueryClientContract, scale: number) {
  const families = await User.query({ client }).whereLike('email', 'family%@loupe.test').orderBy('email').limit(20 * scale)
  const artworks = await Artwork.query({ client }).where('status', 'published').orderBy('sort_order')
  const products = await Product.query({ client }).where('active', true).orderBy('sort_order')
  if (!families.length || !artworks.length) return
  for (let index = 0; index < 30 * scale; index++) {
    const rng = new DemoRandom(`wishlist-${index}`)
    const family = families[index % families.length]
    const artworkId = rng.chance(0.7) ? rng.pick(artworks).id : null
    const productId = artworkId || !products.length ? null : rng.pick(products).id
    if (!artworkId && !productId) continue
    await WishlistItem.firstOrCreate(
      artworkId ? { userId: family.id, artworkId } : { userId: family.id, productId },
      {},
      { client }
    )
  }
}
