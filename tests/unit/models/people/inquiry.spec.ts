import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Inquiry from '#models/inquiry'
import { InquiryFactory } from '#database/factories/inquiry_factory'
import { UserFactory } from '#database/factories/user_factory'

test.group('Inquiry', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a converted inquiry that reloads with its user', async ({ assert }) => {
    const inquiry = await InquiryFactory.apply('converted').with('user').create()
    const reloaded = await Inquiry.query().where('id', inquiry.id).preload('user').firstOrFail()
    assert.equal(reloaded.status, 'converted')
    assert.equal(reloaded.user.id, inquiry.userId)
  })

  test('a new inquiry is contacted, then converted into a client', async ({ assert }) => {
    const inquiry = await InquiryFactory.create()
    const user = await UserFactory.create()
    await inquiry.markContacted()
    await inquiry.convert(user)
    const reloaded = await Inquiry.findOrFail(inquiry.id)
    assert.equal(reloaded.status, 'converted')
    assert.equal(reloaded.userId, user.id)
    assert.isNotNull(reloaded.contactedAt)
    assert.isNotNull(reloaded.convertedAt)
  })

  test('a closed inquiry can be reopened by contacting again', async ({ assert }) => {
    const inquiry = await InquiryFactory.create()
    await inquiry.close()
    await inquiry.markContacted()
    assert.equal(inquiry.status, 'contacted')
    assert.isNull(inquiry.closedAt)
  })

  test('a converted inquiry cannot be closed', async ({ assert }) => {
    const inquiry = await InquiryFactory.apply('converted').create()
    await assert.rejects(() => inquiry.close(), /cannot go from converted to closed/)
  })

  test('a contacted inquiry cannot go back to new-contacted', async ({ assert }) => {
    const inquiry = await InquiryFactory.apply('contacted').create()
    await assert.rejects(() => inquiry.markContacted(), /cannot go from contacted to contacted/)
  })

  test('open lists new and contacted inquiries only', async ({ assert }) => {
    const fresh = await InquiryFactory.create()
    const contacted = await InquiryFactory.apply('contacted').create()
    await InquiryFactory.apply('closed').create()
    await InquiryFactory.apply('converted').create()
    const open = await Inquiry.query().withScopes((scopes) => scopes.open())
    assert.sameMembers(
      open.map((inquiry) => inquiry.id),
      [fresh.id, contacted.id]
    )
  })

  test('the status must be a known one', async ({ assert }) => {
    await assert.rejects(() => InquiryFactory.merge({ status: 'spam' as any }).create())
  })

  test('the source must be a known one', async ({ assert }) => {
    await assert.rejects(() => InquiryFactory.merge({ source: 'carrier_pigeon' as any }).create())
  })
})
