import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Package from '#models/package'
import AuditLog from '#models/audit_log'
import { UserFactory } from '#database/factories/user_factory'
import { PackageFactory } from '#database/factories/package_factory'
import { PhotoSessionFactory } from '#database/factories/photo_session_factory'

const form = (overrides: Record<string, unknown> = {}) => ({
  name: 'Encore',
  shortDescription: 'Two sets, three outfits',
  basePrice: '449.50',
  durationMinutes: '90',
  maxChildren: '3',
  includesStyling: 'true',
  maxOutfitChanges: '3',
  includedPhotos: '25',
  extraPhotoPrice: '12.5',
  photoEditingLevel: 'premium',
  includesPrint: 'true',
  printSize: '8x10',
  preparationChecklist: 'Two outfits\nComfortable shoes',
  active: 'true',
  sortOrder: '2',
  ...overrides,
})

test.group('Admin: packages', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an admin creates a package with every column, shown on the public pages', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const created = await client.post('/admin/packages').form(form()).loginAs(admin).withCsrfToken().redirects(0)
    created.assertStatus(303)
    const pkg = await Package.findByOrFail('slug', 'encore')
    assert.deepInclude(pkg.serialize(), {
      basePrice: 44_950,
      durationMinutes: 90,
      maxChildren: 3,
      includesStyling: true,
      maxOutfitChanges: 3,
      includedPhotos: 25,
      extraPhotoPrice: 1250,
      photoEditingLevel: 'premium',
      includesPrint: true,
      printSize: '8x10',
      active: true,
      sortOrder: 2,
    })
    assert.deepEqual(pkg.checklistItems, ['Two outfits', 'Comfortable shoes'])
    assert.exists(await AuditLog.query().where('action', 'package.created').where('subject_id', pkg.id).first())

    const list = await client.get('/packages')
    list.assertTextIncludes('Encore')
    list.assertTextIncludes('$449.50')
    const page = await client.get('/packages/encore')
    page.assertTextIncludes('Comfortable shoes')
    page.assertTextIncludes('Up to 3 children')
  })

  test('an admin edits and retires a package; a retired one is off the site and cannot be booked', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const pkg = await PackageFactory.merge({ slug: 'old-school', name: 'Old School' }).create()
    const saved = await client.put(`/admin/packages/${pkg.id}`).form(form({ name: 'Old School', slug: 'old-school', active: '' })).loginAs(admin).withCsrfToken().redirects(0)
    saved.assertStatus(303)
    await pkg.refresh()
    assert.isFalse(pkg.active)
    assert.equal(pkg.basePrice, 44_950)
    ;(await client.get('/packages/old-school')).assertStatus(404)
    assert.notInclude((await client.get('/packages')).text(), 'Old School')
  })

  test('bad input is shown by its field; a package with sessions cannot be deleted', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    await PackageFactory.merge({ slug: 'taken' }).create()
    const bad = await client
      .post('/admin/packages')
      .form(form({ name: '', basePrice: '12.345', durationMinutes: '47', maxChildren: '0', slug: 'taken' }))
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    bad.assertValidationError('name', 'Enter a name')
    bad.assertValidationError('basePrice', 'Enter dollars and cents, like 249 or 249.50')
    bad.assertValidationError('durationMinutes', 'Use a multiple of 5 minutes')
    bad.assertValidationError('maxChildren', 'At least 1 child')
    bad.assertValidationError('slug', 'Another package already uses this address')
    assert.lengthOf(await Package.all(), 1)

    const used = await PhotoSessionFactory.create()
    const refused = await client.delete(`/admin/packages/${used.packageId}`).loginAs(admin).withCsrfToken().redirects(0)
    refused.assertFlashMessage('error', `“${(await Package.findOrFail(used.packageId)).name}” has sessions: untick “Bookable” to retire it instead.`)
    assert.exists(await Package.find(used.packageId))
    const unused = await PackageFactory.create()
    await client.delete(`/admin/packages/${unused.id}`).loginAs(admin).withCsrfToken()
    assert.isNull(await Package.find(unused.id))
  })

  test('photographers, staff and families cannot manage packages', async ({ client }) => {
    for (const role of ['photographer', 'staff', 'customer'] as const) {
      const user = await UserFactory.apply(role).create()
      ;(await client.get('/admin/packages').loginAs(user)).assertStatus(403)
      ;(await client.post('/admin/packages').form(form()).loginAs(user).withCsrfToken()).assertStatus(403)
    }
  })
})
