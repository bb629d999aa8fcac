import factory from '@adonisjs/lucid/factories'
import { DateTime } from 'luxon'
import Notification from '#models/notification'
import { UserFactory } from '#database/factories/user_factory'
import { ensureParent } from '#database/factories/support/parent'

export const NotificationFactory = factory
  .define(Notification, ({ faker }) => ({
    type: 'gallery.published',
    data: { title: 'Your gallery is ready', url: `/portal/galleries/${faker.string.alphanumeric(8)}` },
    readAt: null,
  }))
  .before('create', async (builder, notification, ctx) => {
    notification.userId = (await ensureParent(builder, 'user', notification.userId, () =>
      UserFactory.query().useCtx(ctx).create()
    ))!
  })
  .state('read', (notification) => (notification.readAt = DateTime.now().minus({ hours: 1 })))
  .relation('user', () => UserFactory)
  .build()
