import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import Conversation from '#models/conversation'
import Message from '#models/message'
import { ConversationFactory } from '#database/factories/conversation_factory'
import { MessageFactory } from '#database/factories/message_factory'
import { assertViolates } from '#tests/support/violations'

test.group('Conversation', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a conversation that reloads with its customer and messages', async ({ assert }) => {
    const conversation = await ConversationFactory.with('messages', 3).create()
    const reloaded = await Conversation.query()
      .where('id', conversation.id)
      .preload('customer')
      .preload('messages')
      .firstOrFail()
    assert.equal(reloaded.customer.id, conversation.customerId)
    assert.equal(reloaded.customer.role, 'customer')
    assert.lengthOf(reloaded.messages, 3)
    assert.isNotNull(reloaded.lastMessageAt)
  })

  test('a conversation can be about a session', async ({ assert }) => {
    const sessionId = randomUUID()
    const conversation = await ConversationFactory.merge({
      relatedType: 'photo_session',
      relatedId: sessionId,
    }).create()
    const found = await Conversation.query().withScopes((scopes) => scopes.about('photo_session', sessionId))
    assert.deepEqual(
      found.map((row) => row.id),
      [conversation.id]
    )
  })

  test('recent puts the latest message first and silent threads last', async ({ assert }) => {
    const silent = await ConversationFactory.create()
    const old = await ConversationFactory.merge({ lastMessageAt: DateTime.now().minus({ days: 2 }) }).create()
    const fresh = await ConversationFactory.merge({ lastMessageAt: DateTime.now().minus({ hours: 1 }) }).create()
    const ordered = await Conversation.query()
      .whereIn('id', [silent.id, old.id, fresh.id])
      .withScopes((scopes) => scopes.recent())
    assert.deepEqual(
      ordered.map((row) => row.id),
      [fresh.id, old.id, silent.id]
    )
  })

  test('a related type without a related id is refused', async () => {
    await assertViolates(() => ConversationFactory.merge({ relatedType: 'order', relatedId: null }).create(), 'check')
  })

  test('the related type must be a known one', async () => {
    await assertViolates(
      () => ConversationFactory.merge({ relatedType: 'invoice' as any, relatedId: randomUUID() }).create(),
      'check'
    )
  })

  test('deleting a conversation deletes its messages', async ({ assert }) => {
    const message = await MessageFactory.create()
    await (await Conversation.findOrFail(message.conversationId)).delete()
    assert.isNull(await Message.find(message.id))
  })
})
