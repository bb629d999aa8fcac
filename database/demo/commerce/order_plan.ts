import { DateTime } from 'luxon'
import type { OrderStatus } from '#models/order'
import type User from '#models/user'
import { DemoRandom } from '#database/demo/random'
import type { Shop } from '#database/demo/commerce/shop'

export type LineSpec = {
  productVariantId: string
  photoId: string | null
  artworkId: string | null
  photographerId: string | null
  unitPrice: number
  quantity: number
  printful: boolean
  apparel: boolean
}

export type OrderSpec = {
  key: string
  placedAt: DateTime
  status: OrderStatus
  customer: User | null
  guestEmail: string | null
  photoSessionId: string | null
  lines: LineSpec[]
  discountCodeId: string | null
  discountPercent: number | null
  discountFixed: number | null
  offline: boolean
  failedAttempt: boolean
  gooten: boolean
}

/** Older orders have run their course; recent ones are still moving. */
const STATUS_BY_AGE: [number, OrderStatus[]][] = [
  [25, ['delivered', 'delivered', 'delivered', 'delivered', 'delivered', 'refunded', 'cancelled']],
  [12, ['delivered', 'delivered', 'shipped', 'shipped', 'shipped', 'cancelled']],
  [4, ['shipped', 'shipped', 'in_production', 'in_production', 'in_production', 'paid']],
  [0, ['paid', 'paid', 'pending', 'pending', 'in_production', 'cancelled']],
]

function linesFromGallery(rng: DemoRandom, shop: Shop, gallery: Shop['galleries'][number]) {
  const count = rng.int(1, 3)
  const start = rng.int(0, gallery.photos.length - 1)
  return Array.from({ length: count }, (_, i): LineSpec => {
    const variant = rng.pick(shop.variants)
    return {
      productVariantId: variant.id,
      photoId: gallery.photos[(start + i) % gallery.photos.length].id,
      artworkId: null,
      photographerId: null,
      unitPrice: variant.price,
      quantity: rng.chance(0.25) ? 2 : 1,
      printful: !!variant.printfulVariantId,
      apparel: variant.product.category === 'apparel',
    }
  })
}

function linesFromArtworks(rng: DemoRandom, shop: Shop) {
  return Array.from({ length: rng.int(1, 2) }, (): LineSpec => {
    const artwork = rng.pick(shop.artworks)
    const option = rng.pick(artwork.printOptions)
    return {
      productVariantId: option.productVariantId,
      photoId: null,
      artworkId: artwork.id,
      photographerId: artwork.photographerId,
      unitPrice: option.priceOverride ?? option.productVariant.price,
      quantity: 1,
      printful: !!option.productVariant.printfulVariantId,
      apparel: false,
    }
  })
}

/**
 * ~40 orders (× scale) placed over the last 60 days, oldest first so order numbers
 * follow dates: gallery prints for families, artwork prints for collectors, a few
 * guest checkouts; the status follows the order's age.
 */
export function planOrders(shop: Shop, count: number, now: DateTime): OrderSpec[] {
  const casey = shop.customers.find((c) => c.email === 'customer@loupe.test') ?? null
  const galleries = shop.variants.length ? shop.galleries : []
  if (!galleries.length && !shop.artworks.length) return []
  return inHouseWork(shop, Array.from({ length: count }, (_, index) => {
    const n = index + 1
    const rng = new DemoRandom(`commerce-order-${n}`)
    rng.next()
    // skewed towards recent days, so the open statuses are well represented
    const ageDays = Math.round(59 * ((count - n) / Math.max(count - 1, 1)) ** 1.5)
    const placedAt = now.minus({ days: ageDays, hours: rng.int(1, 9), minutes: rng.int(0, 59) })
    const status = rng.pick(STATUS_BY_AGE.find(([minAge]) => ageDays >= minAge)![1])
    const guest = n % 10 === 3 || !shop.customers.length
    const fromGallery = galleries.length && (!shop.artworks.length || (!guest && rng.chance(0.6)))
    const gallery = fromGallery ? rng.pick(galleries) : null
    const customer = gallery
      ? (shop.customers.find((c) => c.id === gallery.photoSession.userId) ?? null)
      : guest
        ? null
        : n % 8 === 1 && casey
          ? casey
          : rng.pick(shop.customers)
    const code = rng.chance(0.2) && shop.discountCodes.length ? rng.pick(shop.discountCodes) : null
    return {
      key: `order:${String(n).padStart(4, '0')}`,
      placedAt,
      status,
      customer,
      guestEmail: customer ? null : `guest${String(n).padStart(3, '0')}@loupe.test`,
      photoSessionId: gallery?.photoSessionId ?? null,
      lines: gallery ? linesFromGallery(rng, shop, gallery) : linesFromArtworks(rng, shop),
      discountCodeId: code?.id ?? null,
      discountPercent: code?.kind === 'percent' ? code.amount : null,
      discountFixed: code?.kind === 'fixed' ? code.amount : null,
      offline: n % 6 === 0,
      failedAttempt: rng.chance(0.5),
      gooten: n % 5 === 0,
    }
  }))
}

/**
 * The admin print queue has work to show: an order in production without an in-house line
 * has its first gallery line made in house (the studio's own tees: a variant with no lab
 * id, as checkout would route it). Artwork prints keep their options.
 */
function inHouseWork(shop: Shop, specs: OrderSpec[]) {
  const inHouse = shop.variants.find((variant) => !variant.printfulVariantId && !variant.gootenVariantId)
  if (!inHouse) return specs
  for (const spec of specs) {
    if (spec.status !== 'in_production' || spec.lines.some((line) => !line.printful || line.apparel)) continue
    const line = spec.lines.find((candidate) => candidate.photoId)
    if (line) Object.assign(line, { productVariantId: inHouse.id, unitPrice: inHouse.price, printful: false, apparel: inHouse.product.category === 'apparel' })
  }
  return specs
}
