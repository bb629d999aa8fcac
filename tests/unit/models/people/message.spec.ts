import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Conversation from '#models/conversation'
import Message from '#models/message'
import { ConversationFactory } from '#database/factories/conversation_factory'
import { MessageFactory } from '#database/factories/message_factory'
import { UserFactory } from '#database/factories/user_factory'
import { assertViolates } from '#tests/support/violations'

test.group('Message', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a message that reloads with its conversation and sender', async ({ assert }) => {
    const message = await MessageFactory.with('sender').create()
    const reloaded = await Message.query()
      .where('id', message.id)
      .preload('conversation')
      .preload('sender')
      .firstOrFail()
    assert.equal(reloaded.conversation.id, message.conversationId)
    assert.equal(reloaded.sender.id, message.senderId)
  })

  test('a new message moves its conversation up the inbox', async ({ assert }) => {
    const conversation = await ConversationFactory.create()
    const message = await MessageFactory.merge({ conversationId: conversation.id }).create()
    const reloaded = await Conversation.findOrFail(conversation.id)
    assert.isBelow(Math.abs(reloaded.lastMessageAt!.toMillis() - message.createdAt.toMillis()), 1000)
  })

  test('unread for a person leaves out what they sent themselves', async ({ assert }) => {
    const conversation = await ConversationFactory.create()
    const staff = await UserFactory.apply('staff').create()
    const fromStaff = await MessageFactory.merge({ conversationId: conversation.id, senderId: staff.id }).create()
    await MessageFactory.merge({ conversationId: conversation.id, senderId: conversation.customerId }).create()
    await MessageFactory.merge({ conversationId: conversation.id, senderId: staff.id }).apply('read').create()
    const unread = await Message.query().withScopes((scopes) => scopes.unreadFor(conversation.customerId))
    assert.deepEqual(
      unread.map((message) => message.id),
      [fromStaff.id]
    )
  })

  test('marking a message read records the time', async ({ assert }) => {
    const message = await MessageFactory.create()
    await message.markRead()
    assert.isNotNull((await Message.findOrFail(message.id)).readAt)
  })

  test('a message outlives its sender account', async ({ assert }) => {
    const message = await MessageFactory.with('sender').create()
    await message.load('sender')
    await message.sender.delete()
    assert.isNull((await Message.findOrFail(message.id)).senderId)
  })

  test('an empty message is refused', async () => {
    await assertViolates(() => MessageFactory.merge({ body: '' }).create(), 'check')
  })
})
