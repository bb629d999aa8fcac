import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import Gallery from '#models/gallery'
import AuditLog from '#models/audit_log'
import EmailLog from '#models/email_log'
import { withTrashed } from '#models/concerns/soft_deletes'
import { UserFactory } from '#database/factories/user_factory'
import { GalleryFactory } from '#database/factories/gallery_factory'
import { PhotoFactory } from '#database/factories/photo_factory'
import { PackageFactory } from '#database/factories/package_factory'
import { PhotoSessionFactory } from '#database/factories/photo_session_factory'
import PublishGallery from '#actions/galleries/publish_gallery'
import { lastDeliveredTo, lastEmailTo, linkIn } from '#tests/support/mail'
import { truncateAfterEach } from '#tests/support/truncate'
import { actors } from '#support/actor'
import { photographerOf } from '#tests/support/studio'

const settings = (overrides: Record<string, unknown> = {}) => ({
  name: 'Spring minis',
  accessCode: 'SPRNG2345',
  downloadEnabled: 'true',
  watermarkEnabled: 'true',
  ...overrides,
})

async function completedSession(includedPhotos = 12, photographerId: string | null = null) {
  const pkg = await PackageFactory.merge({ includedPhotos }).create()
  const family = await UserFactory.merge({ firstName: 'Mira', lastName: 'Okafor' }).create()
  return PhotoSessionFactory.apply('completed').merge({ packageId: pkg.id, userId: family.id, photographerId }).create()
}

test.group('Admin: galleries', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an admin creates a standalone draft gallery, audited', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const form = await client.get('/admin/galleries/create').loginAs(admin)
    form.assertStatus(200)
    form.assertTextIncludes('Standalone (no photo session)')
    const prefilled = form.text().match(/name="accessCode"[^>]*value="([A-Z0-9]+)"/)?.[1]
    assert.match(prefilled ?? '', /^[2-9A-HJKMNP-Z]{10}$/)

    const response = await client
      .post('/admin/galleries')
      .form(settings({ slug: 'spring-minis', password: 'tulip-fields' }))
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    const gallery = await Gallery.findByOrFail('slug', 'spring-minis')
    response.assertStatus(303)
    response.assertHeader('location', `/admin/galleries/${gallery.id}`)
    assert.equal(gallery.status, 'draft')
    assert.isNull(gallery.photoSessionId)
    assert.isNull(gallery.selectionLimit)
    assert.isTrue(gallery.downloadEnabled)
    assert.isFalse(gallery.socialShareEnabled)
    assert.isNotNull(gallery.passwordHash)

    const audit = await AuditLog.query().where('action', 'gallery.created').firstOrFail()
    assert.equal(audit.actorId, admin.id)
    assert.equal(audit.subjectId, gallery.id)

    const show = await client.get(`/admin/galleries/${gallery.id}`).loginAs(admin)
    show.assertStatus(200)
    show.assertTextIncludes('SPRNG2345')
    show.assertTextIncludes('/g/spring-minis')
    show.assertTextIncludes('Draft')
    show.assertTextIncludes(`/admin/galleries/${gallery.id}/access-log`)
  })

  test('a photographer makes a gallery for a photo session: the limit defaults to the package', async ({ client, assert }) => {
    const photographer = await UserFactory.apply('photographer').create()
    const session = await completedSession(12, photographer.id)

    const form = await client.get('/admin/galleries/create').loginAs(photographer)
    form.assertTextIncludes(`${session.sessionNumber} · Mira Okafor`)

    await client
      .post('/admin/galleries')
      .form(settings({ photoSessionId: session.id }))
      .loginAs(photographer)
      .withCsrfToken()
    const gallery = await Gallery.findByOrFail('photoSessionId', session.id)
    assert.equal(gallery.selectionLimit, 12)
    assert.equal(gallery.slug, 'spring-minis')
  })

  test('bad input shows field errors and writes nothing', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    await GalleryFactory.merge({ accessCode: 'TAKEN2345', slug: 'taken' }).create()

    const duplicate = await client
      .post('/admin/galleries')
      .form(settings({ accessCode: 'taken2345', slug: 'taken' }))
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    duplicate.assertValidationError('accessCode', 'Another gallery already uses this code')
    duplicate.assertValidationError('slug', 'Another gallery already uses this address')

    const malformed = await client
      .post('/admin/galleries')
      .form(settings({ accessCode: 'SHORT', slug: 'Bad Slug!' }))
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    malformed.assertValidationError('accessCode', 'Use at least 8 characters')
    malformed.assertValidationError('slug', 'Use lowercase letters, digits and single hyphens')

    const ambiguous = await client
      .post('/admin/galleries')
      .form(settings({ accessCode: 'OIL01234' }))
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    ambiguous.assertValidationError('accessCode', 'Use letters and digits except 0, 1, I, L and O')

    assert.equal(await Gallery.query().count('* as total').first().then((row) => Number(row!.$extras.total)), 1)
    assert.lengthOf(await AuditLog.all(), 0)
  })

  test('a gallery password shorter than 8 characters is refused beside the field, on create and on edit', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const created = await client.post('/admin/galleries').form(settings({ password: 'tulips' })).loginAs(admin).withCsrfToken().redirects(0)
    created.assertValidationError('password', 'Use at least 8 characters')
    assert.lengthOf(await Gallery.all(), 0)

    const gallery = await GalleryFactory.merge({ accessCode: 'EDIT23456', slug: 'edit-me' }).create()
    const edited = await client
      .put(`/admin/galleries/${gallery.id}`)
      .form(settings({ accessCode: 'EDIT23456', slug: 'edit-me', password: '1234567' }))
      .accept('json')
      .loginAs(admin)
      .withCsrfToken()
    edited.assertStatus(422)
    assert.deepInclude(edited.body().errors, { field: 'password', message: 'Use at least 8 characters', rule: 'minLength', meta: { min: 8 } })
    await gallery.refresh()
    assert.isNull(gallery.passwordHash)
  })

  test('the form shows the errors next to the fields after a redirect', async ({ client }) => {
    const admin = await UserFactory.apply('admin').create()
    const response = await client
      .post('/admin/galleries')
      .form(settings({ name: '', accessCode: 'SHORT' }))
      .header('referer', '/admin/galleries/create')
      .loginAs(admin)
      .withCsrfToken()
    response.assertStatus(200)
    response.assertTextIncludes('Enter a name for the gallery')
    response.assertTextIncludes('Use at least 8 characters')
    response.assertTextIncludes('value="SHORT"')
  })

  test('an emptied access code is never asked for while a code shows: a new gallery gets one, an edited one keeps its own', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const refused = await client
      .post('/admin/galleries')
      .form(settings({ name: '', accessCode: '' }))
      .header('referer', '/admin/galleries/create')
      .loginAs(admin)
      .withCsrfToken()
    refused.assertTextIncludes('Enter a name for the gallery')
    assert.notInclude(refused.text(), 'Enter an access code')
    refused.assertTextIncludes('Generated for you: keep it, or type your own')

    const created = await client.post('/admin/galleries').form(settings({ accessCode: '' })).loginAs(admin).withCsrfToken().redirects(0)
    created.assertStatus(303)
    const gallery = await Gallery.findByOrFail('name', 'Spring minis')
    assert.match(gallery.accessCode, /^[A-Z2-9]{10}$/)

    const code = gallery.accessCode
    const edited = await client.put(`/admin/galleries/${gallery.id}`).form(settings({ name: 'Renamed', accessCode: '', slug: gallery.slug })).loginAs(admin).withCsrfToken().redirects(0)
    edited.assertStatus(303)
    await gallery.refresh()
    assert.equal(gallery.name, 'Renamed')
    assert.equal(gallery.accessCode, code)
  })

  test('a JSON request with bad input gets 422 and the field errors', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const response = await client
      .post('/admin/galleries')
      .json({ name: '', accessCode: 'SHORT' })
      .accept('json')
      .loginAs(admin)
      .withCsrfToken()
    response.assertStatus(422)
    const fields = response.body().errors.map((error: { field: string }) => error.field)
    assert.includeMembers(fields, ['name', 'accessCode'])
    assert.lengthOf(await Gallery.all(), 0)
  })

  test('updating keeps the password when left empty, removes it on request, and is audited', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const gallery = await GalleryFactory.merge({ passwordHash: 'kept-hash', accessCode: 'KEEP23456', slug: 'keep-me' }).create()

    const edit = await client.get(`/admin/galleries/${gallery.id}/edit`).loginAs(admin)
    edit.assertStatus(200)
    edit.assertTextIncludes('Leave empty to keep the current password (a new one: at least 8 characters).')

    const response = await client
      .put(`/admin/galleries/${gallery.id}`)
      .form(settings({ name: 'Renamed', accessCode: 'KEEP23456', slug: 'keep-me', selectionLimit: '20' }))
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(303)
    await gallery.refresh()
    assert.equal(gallery.name, 'Renamed')
    assert.equal(gallery.selectionLimit, 20)
    assert.equal(gallery.passwordHash, 'kept-hash')
    assert.isFalse(gallery.socialShareEnabled)
    const audit = await AuditLog.query().where('action', 'gallery.updated').firstOrFail()
    assert.includeMembers((audit.details as any).changed, ['name', 'selectionLimit'])

    await client
      .put(`/admin/galleries/${gallery.id}`)
      .form(settings({ name: 'Renamed', accessCode: 'KEEP23456', slug: 'keep-me', removePassword: 'true' }))
      .loginAs(admin)
      .withCsrfToken()
    await gallery.refresh()
    assert.isNull(gallery.passwordHash)
  })

  test('a deleted gallery leaves the list and stops opening at /g', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const session = await completedSession()
    const gallery = await GalleryFactory.apply('published').merge({ name: 'Okafor garden', photoSessionId: session.id }).create()

    const before = await client.get('/admin/galleries').loginAs(admin)
    before.assertTextIncludes('Okafor garden')

    const response = await client.delete(`/admin/galleries/${gallery.id}`).loginAs(admin).withCsrfToken().redirects(0)
    response.assertStatus(303)
    response.assertHeader('location', '/admin/galleries')

    const after = await client.get('/admin/galleries').loginAs(admin)
    assert.notInclude(after.text(), 'Okafor garden')
    const trashed = await withTrashed(Gallery.query()).where('id', gallery.id).firstOrFail()
    assert.isTrue(trashed.isTrashed)
    assert.exists(await AuditLog.findBy('action', 'gallery.deleted'))

    const family = await session.related('user').query().firstOrFail()
    const publicPage = await client.get(`/g/${gallery.slug}`).loginAs(family)
    publicPage.assertStatus(404)
    const adminPage = await client.get(`/admin/galleries/${gallery.id}`).loginAs(admin)
    adminPage.assertStatus(404)
  })

  test('the list searches, filters by status, charts states and counts photos', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const zephyr = await GalleryFactory.merge({ name: 'Zephyr draft' }).create()
    await PhotoFactory.merge({ galleryId: zephyr.id }).createMany(3)
    await PhotoFactory.merge({ galleryId: zephyr.id }).with('mediaAsset', 1, (asset) => asset.apply('processing')).createMany(2)
    await PhotoFactory.merge({ galleryId: zephyr.id }).with('mediaAsset', 1, (asset) => asset.apply('failed')).create()
    await GalleryFactory.apply('expired').merge({ name: 'Quill expired' }).create()

    const all = await client.get('/admin/galleries').loginAs(admin)
    all.assertStatus(200)
    all.assertTextIncludes('Galleries by state')
    all.assertTextIncludes('<svg role="img" aria-label="Galleries by state"')
    all.assertTextIncludes('3 ready')
    all.assertTextIncludes('2 processing')
    all.assertTextIncludes('1 failed')
    assert.match(all.text(), /badge--danger">\s*Expired/)
    assert.match(all.text(), /badge--neutral">\s*Draft/)

    const expired = await client.get('/admin/galleries').qs({ status: 'expired' }).loginAs(admin)
    expired.assertTextIncludes('Quill expired')
    assert.notInclude(expired.text(), 'Zephyr draft')

    const fragment = await client.get('/admin/galleries').qs({ q: 'zephyr' }).header('hx-request', 'true').loginAs(admin)
    fragment.assertTextIncludes('Zephyr draft')
    assert.notInclude(fragment.text(), 'Quill expired')
    assert.notInclude(fragment.text(), '<html')
  })

  test('publishing emails the family the link and code once', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const session = await completedSession()
    const family = await session.related('user').query().firstOrFail()
    const gallery = await GalleryFactory.merge({ photoSessionId: session.id, accessCode: 'FAMXY2345', slug: 'okafor-family' }).create()

    const show = await client.get(`/admin/galleries/${gallery.id}`).loginAs(admin)
    show.assertTextIncludes(`Email Mira Okafor (${family.email})`)

    const first = await client.post(`/admin/galleries/${gallery.id}/publication`).form({ notify: 'true' }).loginAs(admin).withCsrfToken()
    first.assertTextIncludes(`We emailed the link and code to ${family.email}`)
    first.assertTextIncludes('Unpublish')
    const second = await client.post(`/admin/galleries/${gallery.id}/publication`).form({ notify: 'true' }).loginAs(admin).withCsrfToken()
    second.assertTextIncludes('This gallery is already published.')
    await gallery.refresh()
    assert.equal(gallery.status, 'published')
    assert.isNotNull(gallery.publishedAt)
    // No date was set: the studio default (30 days) applies.
    assert.closeTo(gallery.expiresAt!.diffNow('days').days, 30, 1.01)

    const mails = await EmailLog.query().where('to', family.email!)
    assert.lengthOf(mails, 1)
    const mail = await lastEmailTo(family.email!)
    assert.equal(mail.templateKey, 'emails/gallery_published')
    assert.equal(linkIn(mail, '/g/okafor-family'), '/g/okafor-family')
    const received = lastDeliveredTo(family.email!)
    assert.include(received.text!, 'FAMXY2345')
    assert.include(received.html!, 'FAMXY2345')
    // The email log keeps the code masked: reading it opens no gallery.
    assert.notInclude(mail.text!, 'FAMXY2345')
    assert.notInclude(mail.html!, 'FAMXY2345')
    assert.include(mail.text!, 'Access code: ••••45')
    assert.lengthOf(await AuditLog.query().where('action', 'gallery.published'), 1)
  })

  test('publishing with the email box unticked emails nobody', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const session = await completedSession()
    const gallery = await GalleryFactory.merge({ photoSessionId: session.id }).create()
    const response = await client.post(`/admin/galleries/${gallery.id}/publication`).form({}).loginAs(admin).withCsrfToken()
    response.assertTextIncludes('Nobody was emailed')
    await gallery.refresh()
    assert.equal(gallery.status, 'published')
    assert.lengthOf(await EmailLog.all(), 0)
  })

  test('unpublishing turns a live gallery back into a draft', async ({ client, assert }) => {
    const gallery = await GalleryFactory.apply('published').create()
    const photographer = await photographerOf(gallery)
    const response = await client.delete(`/admin/galleries/${gallery.id}/publication`).loginAs(photographer).withCsrfToken().redirects(0)
    response.assertStatus(303)
    await gallery.refresh()
    assert.equal(gallery.status, 'draft')
    assert.exists(await AuditLog.findBy('action', 'gallery.unpublished'))

    const again = await client.delete(`/admin/galleries/${gallery.id}/publication`).loginAs(photographer).withCsrfToken()
    again.assertTextIncludes('This gallery is not published.')
  })

  test('extending an expired gallery reopens it until the new date', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const gallery = await GalleryFactory.apply('expired').create()
    const lastDay = DateTime.now().plus({ days: 14 }).toISODate()!

    const response = await client
      .post(`/admin/galleries/${gallery.id}/extensions`)
      .form({ expiresOn: lastDay })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(303)
    await gallery.refresh()
    assert.equal(gallery.status, 'published')
    assert.equal(gallery.expiresAt!.setZone('America/New_York').toISODate(), lastDay)
    assert.isTrue(gallery.isViewable())
    const audit = await AuditLog.query().where('action', 'gallery.extended').firstOrFail()
    assert.equal((audit.details as any).before.status, 'expired')

    await client.post(`/admin/galleries/${gallery.id}/extensions`).form({ days: '10' }).loginAs(admin).withCsrfToken()
    await gallery.refresh()
    assert.equal(gallery.expiresAt!.setZone('America/New_York').toISODate(), DateTime.fromISO(lastDay).plus({ days: 10 }).toISODate())
  })

  test('extending without days or a date is a field error', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const gallery = await GalleryFactory.apply('expired').create()
    const response = await client.post(`/admin/galleries/${gallery.id}/extensions`).form({}).loginAs(admin).withCsrfToken().redirects(0)
    response.assertValidationError('days', 'Enter a number of days or choose a date')
    await gallery.refresh()
    assert.equal(gallery.status, 'expired')
  })

  test('staff and customers get 403, guests are sent to sign in', async ({ client, assert }) => {
    const gallery = await GalleryFactory.create()
    for (const role of ['staff', 'customer'] as const) {
      const user = await UserFactory.apply(role).create()
      const list = await client.get('/admin/galleries').loginAs(user)
      list.assertStatus(403)
      const publish = await client.post(`/admin/galleries/${gallery.id}/publication`).loginAs(user).withCsrfToken()
      publish.assertStatus(403)
    }
    const guest = await client.get(`/admin/galleries/${gallery.id}`).redirects(0)
    guest.assertHeader('location', '/login')
    await gallery.refresh()
    assert.equal(gallery.status, 'draft')
  })

  test('a photographer may open every page of gallery management for their own photo session', async ({ client }) => {
    const gallery = await GalleryFactory.create()
    const photographer = await photographerOf(gallery)
    for (const url of ['/admin/galleries', '/admin/galleries/create', `/admin/galleries/${gallery.id}`, `/admin/galleries/${gallery.id}/edit`]) {
      const response = await client.get(url).loginAs(photographer)
      response.assertStatus(200)
    }
  })
})

test.group('Admin: galleries, publishing at the same moment', (group) => {
  // Each publish opens its own transaction and locks the row: a shared per-test transaction can't show that.
  group.each.setup(() => truncateAfterEach)

  test('two publishes at once email the family once', async ({ assert }) => {
    const session = await completedSession()
    const family = await session.related('user').query().firstOrFail()
    const gallery = await GalleryFactory.merge({ photoSessionId: session.id }).create()
    const [one, two] = await Promise.all([
      PublishGallery.handle(actors.system('test'), await Gallery.findOrFail(gallery.id), { notify: true }),
      PublishGallery.handle(actors.system('test'), await Gallery.findOrFail(gallery.id), { notify: true }),
    ])
    assert.sameMembers([one.ok, two.ok], [true, false])
    assert.lengthOf(await EmailLog.query().where('to', family.email!), 1)
    assert.lengthOf(await AuditLog.query().where('action', 'gallery.published'), 1)
  })
})

test.group('Admin: galleries, each photographer their own', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a photographer lists, opens and changes only the galleries of their own photo sessions', async ({ client, assert }) => {
    const photographer = await UserFactory.apply('photographer').create()
    const own = await GalleryFactory.merge({ name: 'Own garden', photoSessionId: (await completedSession(12, photographer.id)).id }).create()
    const colleague = await UserFactory.apply('photographer').create()
    const theirs = await GalleryFactory.apply('published').merge({ name: 'Colleague beach', photoSessionId: (await completedSession(12, colleague.id)).id }).create()
    const standalone = await GalleryFactory.merge({ name: 'Studio event' }).create()

    const list = await client.get('/admin/galleries').loginAs(photographer)
    list.assertTextIncludes('Own garden')
    assert.notInclude(list.text(), 'Colleague beach')
    assert.notInclude(list.text(), 'Studio event')

    for (const gallery of [theirs, standalone]) {
      for (const url of [`/admin/galleries/${gallery.id}`, `/admin/galleries/${gallery.id}/edit`, `/admin/galleries/${gallery.id}/photos`]) {
        ;(await client.get(url).loginAs(photographer)).assertStatus(403)
      }
    }
    const unpublish = await client.delete(`/admin/galleries/${theirs.id}/publication`).loginAs(photographer).withCsrfToken()
    unpublish.assertStatus(403)
    const upload = await client
      .post(`/admin/galleries/${theirs.id}/photos`)
      .header('accept', 'application/json')
      .file('file', Buffer.from('not read'), { filename: 'a.jpg' })
      .loginAs(photographer)
      .withCsrfToken()
    upload.assertStatus(403)
    const rename = await client.put(`/admin/galleries/${theirs.id}`).form(settings({ name: 'Taken over' })).loginAs(photographer).withCsrfToken()
    rename.assertStatus(403)
    await theirs.refresh()
    assert.equal(theirs.status, 'published')
    assert.equal(theirs.name, 'Colleague beach')
    ;(await client.get(`/admin/galleries/${own.id}`).loginAs(photographer)).assertStatus(200)

    // The admin sees them all.
    const admin = await UserFactory.apply('admin').create()
    const all = await client.get('/admin/galleries').loginAs(admin)
    for (const name of ['Own garden', 'Colleague beach', 'Studio event']) all.assertTextIncludes(name)
  })

  test('a photographer makes galleries only for their own photo sessions', async ({ client, assert }) => {
    const photographer = await UserFactory.apply('photographer').create()
    const own = await completedSession(12, photographer.id)
    const colleagues = await completedSession(12, (await UserFactory.apply('photographer').create()).id)

    const form = await client.get('/admin/galleries/create').loginAs(photographer)
    form.assertTextIncludes(own.sessionNumber)
    assert.notInclude(form.text(), colleagues.sessionNumber)
    assert.notInclude(form.text(), 'Standalone (no photo session)')

    for (const photoSessionId of [colleagues.id, undefined]) {
      const response = await client
        .post('/admin/galleries')
        .form(settings(photoSessionId ? { photoSessionId } : {}))
        .loginAs(photographer)
        .withCsrfToken()
      response.assertStatus(403)
      response.assertTextIncludes('Photographers make galleries for their own photo sessions.')
    }
    assert.lengthOf(await Gallery.all(), 0)
  })
})
