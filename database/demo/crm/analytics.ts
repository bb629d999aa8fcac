import { createHash } from 'node:crypto'
import { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import AnalyticsEvent, { type AnalyticsEventName } from '#models/analytics_event'
import Artwork from '#models/artwork'
import Product from '#models/product'
import Order from '#models/order'
import { DemoRandom } from '#database/demo/random'
import { demoUuid } from '#database/demo/crm/demo_uuid'

/** Roughly a shop funnel: many page views, fewer views of works, few purchases. */
const FUNNEL: [AnalyticsEventName, number][] = [
  ['page_view', 0.5],
  ['artwork_view', 0.27],
  ['add_to_cart', 0.11],
  ['checkout_started', 0.07],
  ['purchase', 0.05],
]
const PAGES = ['/', '/', '/portfolio', '/shop', '/packages', '/about', '/contact', '/book']
const REFERRERS = [
  null,
  null,
  'https://www.google.com/',
  'https://www.instagram.com/',
  'https://www.facebook.com/',
  'https://www.pinterest.com/',
]

type Target = { name: AnalyticsEventName; path: string; subjectType: string | null; subjectId: string | null }

function on(
  name: AnalyticsEventName,
  path: string,
  subjectType: string | null = null,
  subjectId: string | null = null
) {
  return { name, path, subjectType, subjectId }
}

function pickName(random: DemoRandom) {
  let roll = random.next()
  for (const [name, share] of FUNNEL) {
    if ((roll -= share) < 0) return name
  }
  return 'page_view'
}

/** About 500 events over the last 60 days; ids derive from their index, so re-runs add nothing. */
export async function seedAnalytics(client: QueryClientContract, count: number) {
  const random = new DemoRandom('analytics')
  const artworks = await Artwork.query({ client }).where('status', 'published').select('id', 'slug')
  const products = await Product.query({ client }).where('active', true).select('id', 'slug')
  const orders = await Order.query({ client }).whereNotNull('paid_at').select('id', 'order_number')
  const visitors = Array.from({ length: Math.max(40, Math.round(count / 4)) }, (_, i) =>
    createHash('sha256').update(`demo-visitor-${i}`).digest('hex')
  )
  const now = DateTime.now()

  const events = Array.from({ length: count }, (_, i) => {
    const wanted = pickName(random)
    const artwork = artworks.length ? random.pick(artworks) : null
    const product = products.length ? random.pick(products) : null
    const order = orders.length ? random.pick(orders) : null
    let target: Target = { name: 'page_view', path: random.pick(PAGES), subjectType: null, subjectId: null }
    if (wanted === 'artwork_view' && artwork)
      target = on('artwork_view', `/portfolio/${artwork.slug}`, 'artwork', artwork.id)
    if (wanted === 'add_to_cart' && product) target = on('add_to_cart', `/shop/${product.slug}`, 'product', product.id)
    if (wanted === 'checkout_started') target = on('checkout_started', '/checkout')
    if (wanted === 'purchase' && order) target = on('purchase', '/checkout/complete', 'order', order.id)
    return {
      id: demoUuid(`analytics:${i}`),
      ...target,
      visitorHash: random.pick(visitors),
      referrer: random.pick(REFERRERS),
      createdAt: now.minus({ seconds: random.int(60, 60 * 24 * 3600) }),
    }
  })

  const existing = new Set<string>()
  for (let i = 0; i < events.length; i += 500) {
    const ids = events.slice(i, i + 500).map((event) => event.id)
    for (const row of await AnalyticsEvent.query({ client }).whereIn('id', ids).select('id')) existing.add(row.id)
  }
  const missing = events.filter((event) => !existing.has(event.id))
  for (let i = 0; i < missing.length; i += 100) {
    await AnalyticsEvent.createMany(missing.slice(i, i + 100), { client })
  }
}
