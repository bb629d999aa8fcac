import { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import User from '#models/user'
import Notification from '#models/notification'
import PhotoSession from '#models/photo_session'
import Contract from '#models/contract'
import Gallery from '#models/gallery'
import Order from '#models/order'
import Inquiry from '#models/inquiry'
import Conversation from '#models/conversation'
import { demoUuid } from '#database/demo/crm/demo_uuid'

type Notice = { userId: string; type: string; subjectId: string; at: DateTime; data: Record<string, unknown> }

/**
 * Notices that match the seeded data: session reminders, contracts to sign, galleries,
 * shipped orders and replies for families; new inquiries for the front desk.
 */
export async function seedNotifications(client: QueryClientContract) {
  const now = DateTime.now()
  const notices: Notice[] = []
  const fmt = (at: DateTime) => at.toFormat(client.dialect.dateTimeFormat)

  const soon = await PhotoSession.query({ client })
    .whereIn('status', ['booked', 'confirmed'])
    .whereBetween('starts_at', [fmt(now), fmt(now.plus({ days: 7 }))])
  for (const session of soon) {
    notices.push({
      userId: session.userId,
      type: 'session.reminder',
      subjectId: session.id,
      at: DateTime.max(session.startsAt.minus({ days: 2 }), now.minus({ days: 5 })),
      data: {
        title: 'Your session is coming up',
        sessionId: session.id,
        sessionNumber: session.sessionNumber,
        startsAt: session.startsAt.toISO(),
      },
    })
  }
  for (const contract of await Contract.query({ client }).where('status', 'sent')) {
    notices.push({
      userId: contract.userId,
      type: 'contract.sent',
      subjectId: contract.id,
      at: contract.sentAt ?? now,
      data: { title: `Please sign: ${contract.title}`, contractId: contract.id },
    })
  }
  for (const gallery of await Gallery.query({ client }).where('status', 'published').preload('photoSession')) {
    if (!gallery.photoSession) continue
    notices.push({
      userId: gallery.photoSession.userId,
      type: 'gallery.published',
      subjectId: gallery.id,
      at: gallery.publishedAt ?? now,
      data: { title: `Your gallery "${gallery.name}" is ready`, galleryId: gallery.id, slug: gallery.slug },
    })
  }
  for (const order of await Order.query({ client }).where('status', 'shipped').whereNotNull('user_id')) {
    notices.push({
      userId: order.userId!,
      type: 'order.shipped',
      subjectId: order.id,
      at: order.shippedAt ?? now,
      data: { title: `Order ${order.orderNumber} has shipped`, orderId: order.id, orderNumber: order.orderNumber },
    })
  }
  for (const conversation of await Conversation.query({ client }).preload('messages')) {
    const last = conversation.messages.at(-1)
    if (!last || last.senderId === conversation.customerId) continue
    notices.push({
      userId: conversation.customerId,
      type: 'message.received',
      subjectId: last.id,
      at: last.createdAt,
      data: { title: `New reply: ${conversation.subject}`, conversationId: conversation.id },
    })
  }
  const desk = await User.query({ client }).whereIn('email', ['staff@loupe.test', 'admin@loupe.test'])
  for (const inquiry of await Inquiry.query({ client }).where('status', 'new')) {
    for (const user of desk) {
      notices.push({
        userId: user.id,
        type: 'inquiry.created',
        subjectId: inquiry.id,
        at: inquiry.createdAt,
        data: { title: `New inquiry from ${inquiry.name}`, inquiryId: inquiry.id },
      })
    }
  }

  const withIds = notices.map((notice) => ({
    ...notice,
    id: demoUuid(`notification:${notice.type}:${notice.subjectId}:${notice.userId}`),
  }))
  const existing = new Set<string>()
  for (let i = 0; i < withIds.length; i += 500) {
    const ids = withIds.slice(i, i + 500).map((notice) => notice.id)
    for (const row of await Notification.query({ client }).whereIn('id', ids).select('id')) existing.add(row.id)
  }
  for (const notice of withIds) {
    if (existing.has(notice.id)) continue
    const read = notice.at < now.minus({ days: 3 })
    await Notification.create(
      {
        id: notice.id,
        userId: notice.userId,
        type: notice.type,
        data: notice.data,
        createdAt: notice.at,
        readAt: read ? notice.at.plus({ hours: 6 }) : null,
      },
      { client }
    )
  }
}
