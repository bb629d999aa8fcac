import { test } from '@japa/runner'
import { studioBranding } from '#services/studio/branding'
import { DateTime } from 'luxon'
import { sqlTime } from '#support/db/sql_time'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import Gallery from '#models/gallery'
import GalleryVisitor from '#models/gallery_visitor'
import StudioSetting from '#models/studio_setting'
import { visitorCookieName } from '#controllers/site/gallery_access'
import { resetRateLimits } from '#tests/support/throttle'
import { PHOTOS_PER_PAGE } from '#actions/galleries/list_gallery_photos'
import { createFamilyGallery, createVisitor, visitorTokenFrom } from '#tests/support/family_gallery'
import { UserFactory } from '#database/factories/user_factory'

const path = (gallery: Gallery) => `/g/${gallery.slug}`

/** "ABCDEFGH23" as a family types it from the card: "abcd-efgh 23". */
const typed = (code: string) => `${code.slice(0, 4)}-${code.slice(4, 8)} ${code.slice(8)}`.toLowerCase()

test.group('Gallery access: the code at /g', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRateLimits())

  test('the short form asks for the access code', async ({ client }) => {
    const response = await client.get('/g')
    response.assertStatus(200)
    response.assertTextIncludes('Access code')
  })

  test('a right code, typed loosely, leads to the gallery, which then asks only for the email', async ({ client, assert }) => {
    const { gallery } = await createFamilyGallery()
    const response = await client.post('/g').form({ code: typed(gallery.accessCode) }).withCsrfToken().redirects(0)
    response.assertStatus(303)
    assert.equal(response.header('location'), path(gallery))
    assert.deepEqual(response.session().gallery_codes, { [gallery.id]: gallery.accessVersion })

    const page = await client.get(path(gallery)).withSession({ gallery_codes: { [gallery.id]: gallery.accessVersion } })
    page.assertStatus(200)
    page.assertTextIncludes(gallery.name)
    page.assertTextIncludes('Your email')
    assert.notInclude(page.text(), 'name="code"')
  })

  test('an unknown code is refused beside the field', async ({ client }) => {
    await createFamilyGallery()
    const response = await client.post('/g').form({ code: 'NOPE-NOPE-22' }).withCsrfToken().redirects(0)
    response.assertStatus(303)
    response.assertHeader('location', '/g')
    response.assertValidationError('code', 'We could not find a gallery with that code. Check the code on your card or email.')
  })

  test('the code of a draft, an archived or a deleted gallery is as unknown as a wrong one: its address never shows', async ({ client, assert }) => {
    for (const state of ['draft', 'archived', 'trashed'] as const) {
      const { gallery } = await createFamilyGallery({ state })
      const response = await client.post('/g').form({ code: gallery.accessCode }).withCsrfToken().redirects(0)
      response.assertStatus(303)
      response.assertHeader('location', '/g')
      response.assertValidationError('code', 'We could not find a gallery with that code. Check the code on your card or email.')
      assert.notInclude(JSON.stringify(response.headers()), gallery.slug, state)
      assert.isUndefined(response.session().gallery_codes, state)
    }
  })

  test('after 20 wrong codes from one IP even a right code is refused, with when to retry', async ({ client, assert }) => {
    const { gallery } = await createFamilyGallery()
    for (let attempt = 0; attempt < 20; attempt++) {
      const wrong = await client.post('/g').form({ code: `WRONGCODE${attempt}` }).withCsrfToken().redirects(0)
      wrong.assertStatus(303)
    }
    const blocked = await client.post('/g').form({ code: gallery.accessCode }).withCsrfToken().redirects(0)
    blocked.assertStatus(429)
    blocked.assertTextIncludes('Too many wrong codes from your network. Try again in 15 minutes.')
    assert.equal(blocked.header('retry-after'), '900')
  })
})

test.group('Gallery access: the gallery form', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRateLimits())

  test('a locked gallery asks for the code and an email, and does not show its photos', async ({ client, assert }) => {
    const { gallery } = await createFamilyGallery()
    const response = await client.get(path(gallery))
    response.assertStatus(200)
    response.assertTextIncludes('This gallery is private')
    response.assertTextIncludes('name="code"')
    response.assertTextIncludes('name="email"')
    assert.notInclude(response.text(), 'name="password"')
    assert.notInclude(response.text(), 'photo-grid')
  })

  test('code and email write one visitor row and a cookie that keeps them in', async ({ client, assert }) => {
    const { gallery, photos } = await createFamilyGallery({ photos: 2 })
    const response = await client
      .post(`${path(gallery)}/visitors`)
      .form({ code: typed(gallery.accessCode), email: ' Grandma@Example.com ' })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(303)
    assert.equal(response.header('location'), path(gallery))
    const visitors = await GalleryVisitor.query().where('galleryId', gallery.id)
    assert.lengthOf(visitors, 1)
    assert.equal(visitors[0].email, 'grandma@example.com')

    const token = visitorTokenFrom(response, gallery)
    assert.isString(token)
    const page = await client.get(path(gallery)).withEncryptedCookie(visitorCookieName(gallery), token!)
    page.assertStatus(200)
    page.assertTextIncludes('photo-grid')
    assert.equal((page.text().match(/<li class="photo /g) ?? []).length, photos.length)

    const again = await client
      .post(`${path(gallery)}/visitors`)
      .form({ code: gallery.accessCode, email: 'grandma@example.com' })
      .withCsrfToken()
      .redirects(0)
    again.assertStatus(303)
    assert.lengthOf(await GalleryVisitor.query().where('galleryId', gallery.id), 1)
  })

  test('without the cookie the gallery is locked again', async ({ client }) => {
    const { gallery } = await createFamilyGallery()
    const { cookie } = await createVisitor(gallery)
    const inside = await client.get(path(gallery)).withEncryptedCookie(...cookie)
    inside.assertTextIncludes('photo-grid')
    const outside = await client.get(path(gallery)).withEncryptedCookie(cookie[0], 'a-forged-token')
    outside.assertTextIncludes('This gallery is private')
  })

  test('a wrong code is refused, counted, and writes no visitor', async ({ client, assert }) => {
    const { gallery } = await createFamilyGallery()
    const response = await client
      .post(`${path(gallery)}/visitors`)
      .form({ code: 'WRONGWRONG', email: 'grandma@example.com' })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(303)
    response.assertValidationError('code', 'That code does not open this gallery. Check it and try again.')
    await gallery.refresh()
    assert.equal(gallery.failedAccessAttempts, 1)
    assert.lengthOf(await GalleryVisitor.query().where('galleryId', gallery.id), 0)
  })

  test('a gallery with a password asks for it, refuses a wrong one and admits the right one', async ({ client, assert }) => {
    const { gallery } = await createFamilyGallery({ password: 'blue-lagoon' })
    const form = await client.get(path(gallery))
    form.assertTextIncludes('name="password"')

    const missing = await client
      .post(`${path(gallery)}/visitors`)
      .form({ code: gallery.accessCode, email: 'grandma@example.com' })
      .withCsrfToken()
      .redirects(0)
    missing.assertValidationError('password', 'Enter the gallery password')

    const wrong = await client
      .post(`${path(gallery)}/visitors`)
      .form({ code: gallery.accessCode, email: 'grandma@example.com', password: 'red-lagoon' })
      .withCsrfToken()
      .redirects(0)
    wrong.assertValidationError('password', 'That password is not right. Check it and try again.')
    await gallery.refresh()
    assert.equal(gallery.failedAccessAttempts, 1)
    assert.lengthOf(await GalleryVisitor.query().where('galleryId', gallery.id), 0)

    const right = await client
      .post(`${path(gallery)}/visitors`)
      .form({ code: gallery.accessCode, email: 'grandma@example.com', password: 'blue-lagoon' })
      .withCsrfToken()
      .redirects(0)
    right.assertStatus(303)
    assert.isString(visitorTokenFrom(right, gallery))
    assert.lengthOf(await GalleryVisitor.query().where('galleryId', gallery.id), 1)
  })

  test('a code given at /g is not asked again', async ({ client, assert }) => {
    const { gallery } = await createFamilyGallery()
    const response = await client
      .post(`${path(gallery)}/visitors`)
      .form({ email: 'grandma@example.com' })
      .withSession({ gallery_codes: { [gallery.id]: gallery.accessVersion } })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(303)
    assert.lengthOf(await GalleryVisitor.query().where('galleryId', gallery.id), 1)
  })

  test('with public share on, the share link opens the gallery straight away; the address alone does not', async ({ client, assert }) => {
    const { gallery, photos } = await createFamilyGallery()
    gallery.publicShareEnabled = true
    await gallery.save()
    assert.isAtLeast(Buffer.from(gallery.shareToken!, 'base64url').length, 16, 'a secret of at least 128 bits')
    assert.notInclude(gallery.shareToken!, gallery.slug)

    // The family-name address alone still asks for the code.
    const plain = await client.get(path(gallery))
    plain.assertTextIncludes('name="code"')
    const guessed = await client.post(`${path(gallery)}/visitors`).form({ email: 'friend@example.com' }).withCsrfToken().redirects(0)
    guessed.assertValidationError('code', 'Enter the access code from your card or email')

    // The share link lets this browser in at once (no code, no email), then leaves the secret out of the address.
    const opened = await client.get(`${path(gallery)}/share/${gallery.shareToken}`).redirects(0)
    opened.assertStatus(303)
    assert.equal(opened.header('location'), path(gallery))
    const pass = visitorTokenFrom(opened, gallery)!
    assert.isString(pass)
    const grid = await client.get(path(gallery)).withEncryptedCookie(visitorCookieName(gallery), pass).withSession(opened.session())
    grid.assertStatus(200)
    grid.assertTextIncludes('photo-grid')
    assert.notInclude(grid.text(), 'Your email')
    const anonymous = await GalleryVisitor.query().where('galleryId', gallery.id).whereNull('email')
    assert.lengthOf(anonymous, 1)

    // The first heart asks for the email that keeps favourites; nothing is saved before.
    const heart = `${path(gallery)}/photos/${photos[0].id}/favorite`
    const asked = await client.post(heart).withEncryptedCookie(visitorCookieName(gallery), pass).withSession(opened.session()).withCsrfToken().redirects(0)
    asked.assertStatus(303)
    assert.equal(asked.header('location'), `${path(gallery)}?step=email`)
    const askedHtmx = await client.post(heart).header('hx-request', 'true').withEncryptedCookie(visitorCookieName(gallery), pass).withSession(opened.session()).withCsrfToken().redirects(0)
    assert.equal(askedHtmx.header('hx-redirect'), `${path(gallery)}?step=email`)
    assert.equal(Number((await db.from('photo_favorites').count('* as n').first())!.n), 0)
    const form = await client.get(`${path(gallery)}?step=email`).withEncryptedCookie(visitorCookieName(gallery), pass).withSession(opened.session())
    form.assertTextIncludes('Your email')
    assert.notInclude(form.text(), 'name="code"')
    const response = await client.post(`${path(gallery)}/visitors`).form({ email: 'friend@example.com' }).withSession(opened.session()).withCsrfToken().redirects(0)
    response.assertStatus(303)
    const named = visitorTokenFrom(response, gallery)!
    assert.isString(named)
    const friend = await GalleryVisitor.query().where('galleryId', gallery.id).where('email', 'friend@example.com').firstOrFail()
    const saved = await client.post(heart).header('hx-request', 'true').withEncryptedCookie(visitorCookieName(gallery), named).withCsrfToken().redirects(0)
    saved.assertStatus(200)
    assert.lengthOf(await db.from('photo_favorites').where('gallery_visitor_id', friend.id), 1)

    // The studio copies the share link from the gallery's page.
    const studio = await client.get(`/admin/galleries/${gallery.id}`).loginAs(await UserFactory.apply('admin').create())
    studio.assertTextIncludes('Share link (opens without the code)')
    studio.assertTextIncludes(`${path(gallery)}/share/${gallery.shareToken}`)
  })

  test('a share link still asks for the password of a gallery that has one, and its pass ends when sharing is turned off', async ({ client, assert }) => {
    const { gallery } = await createFamilyGallery()
    gallery.publicShareEnabled = true
    gallery.passwordHash = 'set'
    await gallery.save()
    const guarded = await client.get(`${path(gallery)}/share/${gallery.shareToken}`).redirects(0)
    guarded.assertStatus(303)
    assert.isUndefined(visitorTokenFrom(guarded, gallery))
    assert.lengthOf(await GalleryVisitor.query().where('galleryId', gallery.id), 0)

    gallery.passwordHash = null
    await gallery.save()
    const opened = await client.get(`${path(gallery)}/share/${gallery.shareToken}`).redirects(0)
    const pass = visitorTokenFrom(opened, gallery)!
    ;(await client.get(path(gallery)).withEncryptedCookie(visitorCookieName(gallery), pass)).assertTextIncludes('photo-grid')
    gallery.publicShareEnabled = false
    await gallery.save()
    const closed = await client.get(path(gallery)).withEncryptedCookie(visitorCookieName(gallery), pass)
    closed.assertTextIncludes('This gallery is private')
  })

  test('a wrong share secret, or any secret once public share is off, is a 404', async ({ client, assert }) => {
    const { gallery } = await createFamilyGallery()
    gallery.publicShareEnabled = true
    await gallery.save()
    const wrong = await client.get(`${path(gallery)}/share/${'A'.repeat(32)}`).redirects(0)
    wrong.assertStatus(404)
    assert.isUndefined(wrong.session().gallery_codes)

    const secret = gallery.shareToken!
    gallery.publicShareEnabled = false
    await gallery.save()
    assert.isNull(gallery.shareToken)
    const stale = await client.get(`${path(gallery)}/share/${secret}`).redirects(0)
    stale.assertStatus(404)
  })

  test('with the public share link off, the address alone does not open it', async ({ client, assert }) => {
    const { gallery } = await createFamilyGallery()
    const response = await client.post(`${path(gallery)}/visitors`).form({ email: 'friend@example.com' }).withCsrfToken().redirects(0)
    response.assertStatus(303)
    response.assertValidationError('code', 'Enter the access code from your card or email')
    assert.lengthOf(await GalleryVisitor.query().where('galleryId', gallery.id), 0)
  })
})

test.group('Gallery access: galleries that do not open', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRateLimits())

  test('a draft, an archived and a deleted gallery are 404, even with the code', async ({ client }) => {
    for (const state of ['draft', 'archived', 'trashed'] as const) {
      const { gallery } = await createFamilyGallery({ state })
      const page = await client.get(path(gallery))
      page.assertStatus(404)
      const entry = await client
        .post(`${path(gallery)}/visitors`)
        .form({ code: gallery.accessCode, email: 'grandma@example.com' })
        .withCsrfToken()
        .redirects(0)
      entry.assertStatus(404)
    }
  })

  test('an expired gallery shows "expired — contact the studio" with the studio’s email and phone', async ({ client, assert }) => {
    const settings = await StudioSetting.current()
    settings.merge({ email: 'hello@studio.test', phone: '+1 555 0199' })
    await settings.save()
    const { gallery } = await createFamilyGallery({ state: 'expired' })
    const { cookie } = await createVisitor(gallery)

    const response = await client.get(path(gallery)).withEncryptedCookie(...cookie)
    response.assertStatus(410)
    response.assertTextIncludes('This gallery has expired')
    response.assertTextIncludes('contact the studio')
    response.assertTextIncludes('mailto:hello@studio.test')
    response.assertTextIncludes('+1 555 0199')
    assert.notInclude(response.text(), 'photo-grid')
  })

  test('a published gallery past its date is expired too', async ({ client }) => {
    const { gallery } = await createFamilyGallery()
    gallery.expiresAt = gallery.expiresAt!.minus({ days: 60 })
    await gallery.save()
    const response = await client.get(path(gallery))
    response.assertStatus(410)
    response.assertTextIncludes('This gallery has expired')
  })
})

test.group('Gallery page: its cost does not grow with the photos', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  /** The SQL statements one request runs. */
  async function queriesOf(request: () => Promise<unknown>) {
    const statements: string[] = []
    const listener = (query: { sql: string }) => statements.push(query.sql)
    const knex = db.connection().getWriteClient() as any
    knex.client.on('query', listener)
    try {
      await request()
    } finally {
      knex.client.off('query', listener)
    }
    return statements
  }

  test('a visitor’s page of 3, of 25 or of more photos than a page costs the same few queries', async ({ client, assert }) => {
    const counts: number[] = []
    // The studio's branding is read once per process (and kept a minute), not per view.
    await studioBranding()
    for (const photos of [3, 25, PHOTOS_PER_PAGE + 2]) {
      const { gallery } = await createFamilyGallery({ photos })
      const { cookie } = await createVisitor(gallery)
      const statements = await queriesOf(async () => {
        const page = await client.get(path(gallery)).withEncryptedCookie(...cookie)
        assert.equal((page.text().match(/<li class="photo /g) ?? []).length, Math.min(photos, PHOTOS_PER_PAGE))
        assert.include(page.text(), `data-total="${photos}"`)
      })
      counts.push(statements.length)
    }
    assert.deepEqual(counts, [counts[0], counts[0], counts[0]])
    assert.isAtMost(counts[0], 6)

    // The next page, the favourites filter's pages as well, costs no more.
    const { gallery } = await createFamilyGallery({ photos: PHOTOS_PER_PAGE + 2 })
    const { cookie } = await createVisitor(gallery)
    for (const qs of [{ page: 2 }, { filter: 'favorites', page: 1 }]) {
      const statements = await queriesOf(() => client.get(path(gallery)).qs(qs).header('hx-request', 'true').withEncryptedCookie(...cookie))
      assert.isAtMost(statements.length, counts[0])
    }
  })
})

test.group('Gallery page: sharing', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('visitors get a share button only where the studio allows social sharing', async ({ client, assert }) => {
    const { gallery } = await createFamilyGallery()
    const { cookie } = await createVisitor(gallery)
    const shared = await client.get(path(gallery)).withEncryptedCookie(...cookie)
    shared.assertStatus(200)
    shared.assertTextIncludes('Share this gallery')

    gallery.socialShareEnabled = false
    await gallery.save()
    const private_ = await client.get(path(gallery)).withEncryptedCookie(...cookie)
    private_.assertStatus(200)
    assert.notInclude(private_.text(), 'Share this gallery')
  })
})

test.group('Gallery page: visits', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the first view is a visit; reloads within 30 minutes are not; coming back later is', async ({ client, assert }) => {
    const { gallery } = await createFamilyGallery()
    const { visitor, cookie } = await createVisitor(gallery)
    for (let load = 0; load < 3; load++) (await client.get(path(gallery)).withEncryptedCookie(...cookie)).assertStatus(200)
    await Promise.all([visitor.refresh(), gallery.refresh()])
    assert.equal(visitor.viewCount, 1)
    assert.equal(gallery.viewCount, 1)

    // 40 minutes later (the visit began then), the next view counts again.
    await GalleryVisitor.query().where('id', visitor.id).update({ lastSeenAt: sqlTime(DateTime.now().minus({ minutes: 40 })) })
    ;(await client.get(path(gallery)).withEncryptedCookie(...cookie)).assertStatus(200)
    await Promise.all([visitor.refresh(), gallery.refresh()])
    assert.equal(visitor.viewCount, 2)
    assert.equal(gallery.viewCount, 2)
    assert.isAbove(visitor.lastSeenAt!.toMillis(), DateTime.now().minus({ minutes: 1 }).toMillis())
  })

  test('a visitor who has just entered (seen seconds ago, no view yet) has their first view counted', async ({ client, assert }) => {
    const { gallery } = await createFamilyGallery()
    const { visitor, cookie } = await createVisitor(gallery)
    await GalleryVisitor.query().where('id', visitor.id).update({ lastSeenAt: sqlTime(DateTime.now()) })
    ;(await client.get(path(gallery)).withEncryptedCookie(...cookie)).assertStatus(200)
    await visitor.refresh()
    assert.equal(visitor.viewCount, 1)
  })
})
