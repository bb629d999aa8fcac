import factory from '@adonisjs/lucid/factories'
import { DateTime } from 'luxon'
import Message from '#models/message'
import { UserFactory } from '#database/factories/user_factory'
import { ConversationFactory } from '#database/factories/conversation_factory'
import { ensureParent } from '#database/factories/support/parent'

/** A message in a conversation made on the fly; the sender is left empty unless given. */
export const MessageFactory = factory
  .define(Message, ({ faker }) => ({
    body: faker.lorem.sentence(),
    readAt: null,
  }))
  .before('create', async (builder, message, ctx) => {
    message.conversationId = (await ensureParent(builder, 'conversation', message.conversationId, () =>
      ConversationFactory.query().useCtx(ctx).create()
    ))!
  })
  .state('read', (message) => (message.readAt = DateTime.now()))
  .relation('conversation', () => ConversationFactory)
  .relation('sender', () => UserFactory)
  .build()
