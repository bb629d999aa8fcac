import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import Child from '#models/child'
import { withTrashed } from '#models/concerns/soft_deletes'
import { UserFactory } from '#database/factories/user_factory'
import { ChildFactory } from '#database/factories/child_factory'
import { PhotoSessionFactory } from '#database/factories/photo_session_factory'
import { SessionChildFactory } from '#database/factories/session_child_factory'
import { GalleryFactory } from '#database/factories/gallery_factory'
import { OrderFactory } from '#database/factories/order_factory'
import { PaymentFactory } from '#database/factories/payment_factory'
import { PackageFactory } from '#database/factories/package_factory'

test.group('Portal: the family', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('children: add, edit, archive and restore; never another family’s', async ({ client, assert }) => {
    const family = await UserFactory.create()
    const added = await client
      .post('/portal/children')
      .form({ firstName: 'Joan', lastName: 'Jett', birthDate: '2016-09-22', preferredStyle: 'punk', musicPreferences: 'The Runaways', specialRequirements: 'Shy with flashes' })
      .loginAs(family)
      .withCsrfToken()
      .redirects(0)
    added.assertStatus(303)
    const child = await Child.query().where('parent_id', family.id).firstOrFail()
    assert.deepInclude(child.serialize(), { firstName: 'Joan', preferredStyle: 'punk', specialRequirements: 'Shy with flashes' })
    assert.equal(child.birthDate!.toISODate(), '2016-09-22')

    const bad = await client.post('/portal/children').form({ firstName: '', lastName: 'X', birthDate: '2099-01-01', preferredStyle: 'jazz' }).loginAs(family).withCsrfToken().redirects(0)
    bad.assertValidationError('firstName', "Enter the child's first name")
    bad.assertValidationError('birthDate', 'The birth date cannot be in the future')
    bad.assertValidationError('preferredStyle', 'Choose rock, punk, metal or alternative')

    await client.put(`/portal/children/${child.id}`).form({ firstName: 'Joan', lastName: 'Jett', styleNotes: 'Black leather' }).loginAs(family).withCsrfToken()
    assert.equal((await child.refresh()).styleNotes, 'Black leather')

    await client.delete(`/portal/children/${child.id}`).loginAs(family).withCsrfToken()
    const archived = await withTrashed(Child.query().where('id', child.id)).firstOrFail()
    assert.isNotNull(archived.deletedAt)
    const list = await client.get('/portal/children').loginAs(family)
    list.assertTextIncludes('Archived')
    list.assertTextIncludes('Restore')
    await client.post(`/portal/children/${child.id}/restoration`).loginAs(family).withCsrfToken()
    assert.isNull((await Child.findOrFail(child.id)).deletedAt)

    const stranger = await UserFactory.create()
    ;(await client.get(`/portal/children/${child.id}/edit`).loginAs(stranger)).assertStatus(404)
    ;(await client.put(`/portal/children/${child.id}`).form({ firstName: 'Mine', lastName: 'Now' }).loginAs(stranger).withCsrfToken()).assertStatus(404)
    ;(await client.delete(`/portal/children/${child.id}`).loginAs(stranger).withCsrfToken()).assertStatus(404)
    assert.equal((await Child.findOrFail(child.id)).firstName, 'Joan')
  })

  test('the family timeline: sessions, galleries, orders and payments across the years, newest first, per child', async ({ client, assert }) => {
    const family = await UserFactory.create()
    const [joan, ozzy] = [
      await ChildFactory.merge({ parentId: family.id, firstName: 'Joan' }).create(),
      await ChildFactory.merge({ parentId: family.id, firstName: 'Ozzy' }).create(),
    ]
    const pkg = await PackageFactory.merge({ name: 'Headliner' }).create()
    const old = await PhotoSessionFactory.apply('completed').merge({ userId: family.id, packageId: pkg.id }).create()
    // States apply after merge: the dates are set once the rows exist.
    old.startsAt = DateTime.now().minus({ years: 2 })
    await old.save()
    const recent = await PhotoSessionFactory.merge({ userId: family.id, packageId: pkg.id, startsAt: DateTime.now().plus({ days: 20 }) }).create()
    await SessionChildFactory.merge({ photoSessionId: old.id, childId: joan.id }).create()
    await SessionChildFactory.merge({ photoSessionId: recent.id, childId: ozzy.id }).create()
    const gallery = await GalleryFactory.apply('published').merge({ photoSessionId: old.id, name: 'Joan rocks 2024' }).create()
    gallery.publishedAt = DateTime.now().minus({ years: 2 }).plus({ days: 7 })
    await gallery.save()
    await OrderFactory.merge({ userId: family.id, photoSessionId: old.id }).create()
    await PaymentFactory.merge({ userId: family.id, photoSessionId: recent.id, amount: 12_300, paymentType: 'deposit' }).create()
    const stranger = await UserFactory.create()
    await PhotoSessionFactory.merge({ userId: stranger.id, packageId: pkg.id }).create()

    const page = await client.get('/portal').loginAs(family)
    page.assertStatus(200)
    const text = page.text()
    assert.include(text, 'Family timeline')
    assert.include(text, 'Gallery: Joan rocks 2024')
    assert.include(text, '$123.00')
    assert.include(text, old.sessionNumber)
    assert.include(text, recent.sessionNumber)
    assert.isBelow(text.indexOf(recent.sessionNumber), text.indexOf(old.sessionNumber), 'newest first')
    assert.include(text, `<h3>${DateTime.now().minus({ years: 2 }).year}</h3>`)

    const joanOnly = await client.get('/portal').qs({ child: joan.id }).header('hx-request', 'true').loginAs(family)
    assert.include(joanOnly.text(), 'Joan&#x27;s timeline')
    assert.include(joanOnly.text(), old.sessionNumber)
    assert.include(joanOnly.text(), 'Gallery: Joan rocks 2024')
    assert.notInclude(joanOnly.text(), recent.sessionNumber)
    assert.notInclude(joanOnly.text(), '$123.00')
    assert.notInclude(joanOnly.text(), '<html')

    const notTheirs = await client.get('/portal').qs({ child: joan.id }).loginAs(stranger)
    assert.include(notTheirs.text(), 'Family timeline')
    assert.notInclude(notTheirs.text(), old.sessionNumber)
  })
})
