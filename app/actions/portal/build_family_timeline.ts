import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Child from '#models/child'
import PhotoSession from '#models/photo_session'
import Gallery from '#models/gallery'
import Order from '#models/order'
import Payment from '#models/payment'
import { withTrashed } from '#models/concerns/soft_deletes'

export type TimelineEntry =
  | { kind: 'session'; at: DateTime; session: PhotoSession }
  | { kind: 'gallery'; at: DateTime; gallery: Gallery }
  | { kind: 'order'; at: DateTime; order: Order }
  | { kind: 'payment'; at: DateTime; payment: Payment }

/**
 * The family's home: every session, gallery, order and payment across the years, newest
 * first, grouped by year; with `childId`, only what that child took part in (their
 * sessions, and the galleries, orders and payments of those sessions).
 */
export default class BuildFamilyTimeline {
  static async handle(familyId: string, childId: string | null) {
    const children = await withTrashed(Child.query().where('parent_id', familyId)).orderBy('birth_date', 'asc')
    const child = childId ? (children.find((c) => c.id === childId) ?? null) : null
    const ofChild = child
      ? db.from('session_children').where('child_id', child.id).select('photo_session_id')
      : null

    const sessions = await PhotoSession.query()
      .where('user_id', familyId)
      .if(ofChild, (query) => query.whereIn('id', ofChild!))
      .preload('package')
      .preload('children', (query) => withTrashed(query).orderBy('first_name'))
    const sessionIds = sessions.map((session) => session.id)
    const galleries = sessionIds.length
      ? await Gallery.query().whereIn('photo_session_id', sessionIds).whereIn('status', ['published', 'expired'])
      : []
    const orders = await Order.query()
      .where('user_id', familyId)
      .if(child, (query) => query.whereIn('photo_session_id', sessionIds.length ? sessionIds : ['00000000-0000-0000-0000-000000000000']))
    const payments = await Payment.query()
      .where('user_id', familyId)
      .if(child, (query) => query.whereIn('photo_session_id', sessionIds.length ? sessionIds : ['00000000-0000-0000-0000-000000000000']))
      .preload('photoSession')

    const entries: TimelineEntry[] = [
      ...sessions.map((session) => ({ kind: 'session' as const, at: session.startsAt, session })),
      ...galleries.map((gallery) => ({ kind: 'gallery' as const, at: gallery.publishedAt ?? gallery.createdAt, gallery })),
      ...orders.map((order) => ({ kind: 'order' as const, at: order.createdAt, order })),
      ...payments.map((payment) => ({ kind: 'payment' as const, at: payment.processedAt ?? payment.createdAt, payment })),
    ].sort((a, b) => b.at.toMillis() - a.at.toMillis())

    const years = new Map<number, TimelineEntry[]>()
    for (const entry of entries) years.set(entry.at.year, [...(years.get(entry.at.year) ?? []), entry])
    const upcoming = sessions
      .filter((session) => session.isOpen && session.startsAt >= DateTime.now().minus({ hours: 3 }))
      .sort((a, b) => a.startsAt.toMillis() - b.startsAt.toMillis())
    return { children, child, years: [...years.entries()].map(([year, items]) => ({ year, items })), upcoming, empty: !entries.length }
  }
}
