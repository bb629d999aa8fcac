import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Inquiry from '#models/inquiry'
import { InquiryFactory } from '#database/factories/inquiry_factory'
import { UserFactory } from '#database/factories/user_factory'
import StatusChange from '#models/status_change'
import { actors } from '#support/actor'
import { assertViolates } from '#tests/support/violations'

test.group('Inquiry', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a converted inquiry that reloads with its user', async ({ assert }) => {
    const inquiry = await InquiryFactory.apply('converted').with('user').create()
    const reloaded = await Inquiry.query().where('id', inquiry.id).preload('user').firstOrFail()
    assert.equal(reloaded.status, 'converted')
    assert.equal(reloaded.user.id, inquiry.userId)
  })

  test('a new inquiry is contacted, then converted into a client, each change in its history', async ({ assert }) => {
    const staff = await UserFactory.apply('staff').create()
    const inquiry = await InquiryFactory.create()
    const user = await UserFactory.create()
    assert.isTrue(await inquiry.markContacted({ actor: actors.user(staff), note: 'Called back' }))
    assert.isTrue(await inquiry.convert(user, { actor: actors.user(staff) }))
    const reloaded = await Inquiry.findOrFail(inquiry.id)
    assert.equal(reloaded.status, 'converted')
    assert.equal(reloaded.userId, user.id)
    assert.isNotNull(reloaded.contactedAt)
    assert.isNotNull(reloaded.convertedAt)
    const history = await StatusChange.of('Inquiry', inquiry.id)
    assert.deepEqual(history.map((c) => [c.fromStatus, c.toStatus, c.actorId]), [
      ['new', 'contacted', staff.id],
      ['contacted', 'converted', staff.id],
    ])
    assert.equal(history[0].note, 'Called back')
  })

  test('a closed inquiry can be reopened by contacting again', async ({ assert }) => {
    const inquiry = await InquiryFactory.create()
    assert.isTrue(await inquiry.close())
    assert.isNotNull((await Inquiry.findOrFail(inquiry.id)).closedAt)
    assert.isTrue(await inquiry.markContacted())
    const reloaded = await Inquiry.findOrFail(inquiry.id)
    assert.equal(reloaded.status, 'contacted')
    assert.isNull(reloaded.closedAt)
  })

  test('closing a converted inquiry or contacting a contacted one changes nothing', async ({ assert }) => {
    const converted = await InquiryFactory.apply('converted').create()
    const contacted = await InquiryFactory.apply('contacted').create()
    const contactedAt = (await Inquiry.findOrFail(contacted.id)).contactedAt?.toISO() ?? null
    assert.isFalse(await converted.close())
    assert.isFalse(await contacted.markContacted())
    const [a, b] = [await Inquiry.findOrFail(converted.id), await Inquiry.findOrFail(contacted.id)]
    assert.equal(a.status, 'converted')
    assert.isNull(a.closedAt)
    assert.equal(b.status, 'contacted')
    assert.equal(b.contactedAt?.toISO() ?? null, contactedAt)
    assert.lengthOf(await StatusChange.query().where('subject_type', 'Inquiry'), 0)
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

  test('the status must be a known one', async () => {
    await assertViolates(() => InquiryFactory.merge({ status: 'spam' as any }).create(), 'check')
  })

  test('the source must be a known one', async () => {
    await assertViolates(() => InquiryFactory.merge({ source: 'carrier_pigeon' as any }).create(), 'check')
  })
})
