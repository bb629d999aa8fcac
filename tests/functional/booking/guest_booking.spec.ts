import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import BookingDraft from '#models/booking_draft'
import Child from '#models/child'
import User from '#models/user'
import PhotoSession from '#models/photo_session'
import { FACTORY_PASSWORD, UserFactory } from '#database/factories/user_factory'
import { at, bookableStudio, slotValue } from '#tests/support/booking'
import { resetRateLimits } from '#tests/support/throttle'
import { lastDeliveredTo, linkIn } from '#tests/support/mail'
import { JobWorker } from '#services/jobs/worker'

test.group('Booking: a guest signs up or in at the last step without losing anything', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRateLimits())

  test('a guest adds two children on the way, signs up at the review, and books', async ({ client, assert }) => {
    const { pkg } = await bookableStudio()
    const start = await client.post('/book').form({ packageId: pkg.id }).withCsrfToken().redirects(0)
    start.assertStatus(303)
    const draft = await BookingDraft.query().whereNull('user_id').firstOrFail()
    const guest = { booking_drafts: [draft.id] }

    for (const [firstName, birthDate] of [['Ziggy', '2017-04-02'], ['Joan', '2019-09-30']]) {
      const added = await client
        .post(`/book/${draft.id}/children`)
        .form({ firstName, lastName: 'Stardust', birthDate, preferredStyle: 'punk', specialRequirements: firstName === 'Joan' ? 'Nut allergy' : '' })
        .withSession(guest)
        .withCsrfToken()
        .redirects(0)
      added.assertStatus(303)
    }
    const page = await client.get(`/book/${draft.id}/children`).withSession(guest)
    page.assertTextIncludes('Ziggy Stardust')
    page.assertTextIncludes('Joan Stardust')
    assert.lengthOf((await draft.refresh()).details.childIds, 2)
    assert.lengthOf(await Child.all(), 0)

    await client.put(`/book/${draft.id}/time`).form({ startsAt: slotValue(at(30, '13:30')) }).withSession(guest).withCsrfToken()
    await client.put(`/book/${draft.id}/payment`).form({ paymentOption: 'deposit' }).withSession(guest).withCsrfToken()
    const review = await client.get(`/book/${draft.id}`).withSession(guest)
    review.assertTextIncludes('Create your family account')
    review.assertTextIncludes('Ziggy Stardust, Joan Stardust')
    assert.notInclude(review.text(), 'Confirm booking')

    const notYet = await client.post(`/book/${draft.id}/confirmation`).form({ total: 40000, dueNow: 10000 }).withSession(guest).withCsrfToken().redirects(0)
    notYet.assertFlashMessage('error', 'Create your account or sign in to confirm the booking.')

    const signup = await client
      .post(`/book/${draft.id}/account`)
      .form({ firstName: 'Angie', lastName: 'Stardust', email: 'angie@example.com', password: 'glam rock forever', password_confirmation: 'glam rock forever' })
      .withSession(guest)
      .withCsrfToken()
      .redirects(0)
    signup.assertStatus(303)
    signup.assertHeader('location', `/book/${draft.id}`)
    const family = await User.findByOrFail('email', 'angie@example.com')
    assert.equal(family.role, 'customer')
    assert.lengthOf(await Child.all(), 0, 'nothing is handed over before the address is confirmed')

    // The emailed link, opened in the same browser, signs them in and brings them back to the review.
    await new JobWorker().drain()
    const link = linkIn(lastDeliveredTo('angie@example.com'), '/verify-email/')
    const confirmedEmail = await client
      .post(link)
      .withSession({ ...guest, intended_url: `/book/${draft.id}` })
      .withCsrfToken()
      .redirects(0)
    confirmedEmail.assertStatus(303)
    confirmedEmail.assertHeader('location', `/book/${draft.id}`)
    const back = await client.get(`/book/${draft.id}`).loginAs(family).withSession(guest)
    back.assertTextIncludes('Confirm booking')
    const children = await Child.query().where('parent_id', family.id).orderBy('first_name')
    assert.deepEqual(children.map((c) => c.firstName), ['Joan', 'Ziggy'])
    assert.equal(children[0].specialRequirements, 'Nut allergy')
    assert.equal(children[0].birthDate!.toISODate(), '2019-09-30')
    await draft.refresh()
    assert.equal(draft.userId, family.id)
    assert.sameMembers(draft.details.childIds, children.map((c) => c.id))
    assert.lengthOf(draft.details.guestChildren, 0)

    const confirmed = await client.post(`/book/${draft.id}/confirmation`).form({ total: 40000, dueNow: 10000 }).loginAs(family).withCsrfToken().redirects(0)
    confirmed.assertStatus(303)
    const session = await PhotoSession.query().where('user_id', family.id).preload('children').firstOrFail()
    assert.sameMembers(session.children.map((c) => c.firstName), ['Ziggy', 'Joan'])
  })

  test('a guest with an account signs in at the review; wrong passwords and studio accounts are refused', async ({ client, assert }) => {
    const { pkg } = await bookableStudio()
    const family = await UserFactory.merge({ email: 'mo@example.com' }).create()
    const admin = await UserFactory.apply('admin').merge({ email: 'boss@example.com' }).create()
    await client.post('/book').form({ packageId: pkg.id }).withCsrfToken()
    const draft = await BookingDraft.query().whereNull('user_id').firstOrFail()
    const guest = { booking_drafts: [draft.id] }

    const wrong = await client.post(`/book/${draft.id}/sign-in`).form({ loginEmail: 'mo@example.com', loginPassword: 'nope-nope-nope' }).withSession(guest).withCsrfToken().redirects(0)
    wrong.assertValidationError('loginPassword', 'The email or password is incorrect.')
    const studio = await client.post(`/book/${draft.id}/sign-in`).form({ loginEmail: admin.email!, loginPassword: FACTORY_PASSWORD }).withSession(guest).withCsrfToken().redirects(0)
    studio.assertValidationError('loginEmail', 'Sign in with a family account to book.')
    assert.isNull((await draft.refresh()).userId)

    const right = await client.post(`/book/${draft.id}/sign-in`).form({ loginEmail: 'MO@example.com', loginPassword: FACTORY_PASSWORD }).withSession(guest).withCsrfToken().redirects(0)
    right.assertStatus(303)
    right.assertHeader('location', `/book/${draft.id}`)
    assert.equal((await draft.refresh()).userId, family.id)
  })

  test('another browser cannot open a guest’s draft', async ({ client }) => {
    const { pkg } = await bookableStudio()
    await client.post('/book').form({ packageId: pkg.id }).withCsrfToken()
    const draft = await BookingDraft.query().whereNull('user_id').firstOrFail()
    const elsewhere = await client.get(`/book/${draft.id}/children`)
    elsewhere.assertStatus(404)
  })
})
