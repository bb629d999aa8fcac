import factory from '@adonisjs/lucid/factories'
import Conversation from '#models/conversation'
import { UserFactory } from '#database/factories/user_factory'
import { MessageFactory } from '#database/factories/message_factory'
import { ensureParent } from '#database/factories/support/parent'

export const ConversationFactory = factory
  .define(Conversation, ({ faker }) => ({
    subject: faker.helpers.arrayElement(['Outfit question', 'Rescheduling', 'Print sizes', 'Gallery access']),
    relatedType: null,
    relatedId: null,
    lastMessageAt: null,
  }))
  .before('create', async (builder, conversation, ctx) => {
    conversation.customerId = (await ensureParent(builder, 'customer', conversation.customerId, () =>
      UserFactory.query().useCtx(ctx).apply('customer').create()
    ))!
  })
  .relation('customer', () => UserFactory)
  .relation('messages', () => MessageFactory)
  .build()
