import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import GalleryEmailProof from '#models/gallery_email_proof'
import { sqlTime } from '#support/db/sql_time'
import { lastDeliveredTo, linkIn } from '#tests/support/mail'
import testUtils from '@adonisjs/core/services/test_utils'
import EmailLog from '#models/email_log'
import type Gallery from '#models/gallery'
import type Photo from '#models/photo'
import PhotoFavorite from '#models/photo_favorite'
import StudioSetting from '#models/studio_setting'
import { UserFactory } from '#database/factories/user_factory'
import { createFamilyGallery, createVisitor } from '#tests/support/family_gallery'

const favoriteUrl = (gallery: Gallery, photo: Photo) => `/g/${gallery.slug}/photos/${photo.id}/favorite`

/** The family's visitor row and a browser pass to it; the family signs in to submit the selection. */
async function familyInside(options: Parameters<typeof createFamilyGallery>[0] = {}) {
  const setup = await createFamilyGallery(options)
  const { visitor, cookie } = await createVisitor(setup.gallery, setup.family.email!, setup.family.id)
  return { ...setup, visitor, cookie }
}

async function favoritesOf(visitorId: string) {
  return PhotoFavorite.query().where('galleryVisitorId', visitorId)
}

test.group('Favourites', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a tap (htmx) adds one favourite and answers with the heart and the counter', async ({ client, assert }) => {
    const { gallery, photos, visitor, cookie } = await familyInside({ includedPhotos: 10 })
    const response = await client.post(favoriteUrl(gallery, photos[0])).header('hx-request', 'true').withEncryptedCookie(...cookie).withCsrfToken()
    response.assertStatus(200)
    const html = response.text()
    assert.include(html, `id="fav-${photos[0].id}"`)
    assert.include(html, 'aria-pressed="true"')
    // Pressed, it now takes the heart off (DELETE, spoofed for a plain form).
    assert.include(html, `formaction="${favoriteUrl(gallery, photos[0])}?_method=DELETE"`)
    assert.match(html, /id="selection-bar"[^>]*hx-swap-oob="true"/)
    assert.include(html, '1 of 10')
    assert.include(html, 'Download favourites (1)')
    assert.notInclude(html, '<html')
    assert.lengthOf(await favoritesOf(visitor.id), 1)
  })

  test('a double tap writes one favourite', async ({ client, assert }) => {
    const { gallery, photos, visitor, cookie } = await familyInside({ includedPhotos: 10 })
    await client.post(favoriteUrl(gallery, photos[1])).header('hx-request', 'true').withEncryptedCookie(...cookie).withCsrfToken()
    const second = await client.post(favoriteUrl(gallery, photos[1])).header('hx-request', 'true').withEncryptedCookie(...cookie).withCsrfToken()
    second.assertStatus(200)
    second.assertTextIncludes('1 of 10')
    assert.lengthOf(await favoritesOf(visitor.id), 1)
  })

  test('a second tap takes the heart off and deletes the row', async ({ client, assert }) => {
    const { gallery, photos, visitor, cookie } = await familyInside({ includedPhotos: 10 })
    await client.post(favoriteUrl(gallery, photos[0])).header('hx-request', 'true').withEncryptedCookie(...cookie).withCsrfToken()
    const response = await client.delete(favoriteUrl(gallery, photos[0])).header('hx-request', 'true').withEncryptedCookie(...cookie).withCsrfToken()
    response.assertStatus(200)
    response.assertTextIncludes('aria-pressed="false"')
    response.assertTextIncludes('0 of 10')
    assert.lengthOf(await favoritesOf(visitor.id), 0)
  })

  test('without JavaScript the heart posts a form and comes back to the gallery', async ({ client, assert }) => {
    const { gallery, photos, visitor, cookie } = await familyInside()
    const response = await client.post(favoriteUrl(gallery, photos[2])).withEncryptedCookie(...cookie).withCsrfToken().redirects(0)
    response.assertStatus(303)
    assert.equal(response.header('location'), `/g/${gallery.slug}`)
    assert.lengthOf(await favoritesOf(visitor.id), 1)
  })

  test('a photo of another gallery cannot be favourited here', async ({ client, assert }) => {
    const { gallery, visitor, cookie } = await familyInside()
    const other = await createFamilyGallery()
    const response = await client.post(favoriteUrl(gallery, other.photos[0])).header('hx-request', 'true').withEncryptedCookie(...cookie).withCsrfToken()
    response.assertStatus(404)
    assert.lengthOf(await favoritesOf(visitor.id), 0)
  })

  test('the studio preview has no hearts and cannot favourite', async ({ client, assert }) => {
    const { gallery, photos } = await createFamilyGallery()
    const staff = await UserFactory.apply('staff').create()
    const page = await client.get(`/g/${gallery.slug}`).loginAs(staff)
    page.assertStatus(200)
    page.assertTextIncludes('Studio preview')
    assert.notInclude(page.text(), 'fav__button')
    const response = await client.post(favoriteUrl(gallery, photos[0])).loginAs(staff).withCsrfToken().redirects(0)
    response.assertStatus(403)
    assert.equal(await PhotoFavorite.query().count('* as total').first().then((row) => Number(row!.$extras.total)), 0)
  })

  test('the favourites filter swaps in a grid of the favourites only', async ({ client, assert }) => {
    const { gallery, photos, visitor, cookie } = await familyInside({ photos: 3 })
    await PhotoFavorite.create({ photoId: photos[1].id, galleryVisitorId: visitor.id })

    const all = await client.get(`/g/${gallery.slug}`).withEncryptedCookie(...cookie)
    assert.equal((all.text().match(/<li class="photo /g) ?? []).length, 3)

    const favorites = await client.get(`/g/${gallery.slug}`).qs({ filter: 'favorites' }).header('hx-request', 'true').withEncryptedCookie(...cookie)
    favorites.assertStatus(200)
    const html = favorites.text()
    assert.notInclude(html, '<html')
    assert.match(html.trim(), /^<section id="gallery-grid"/)
    assert.equal((html.match(/<li class="photo /g) ?? []).length, 1)
    assert.include(html, `id="fav-${photos[1].id}"`)

    // Back and forward in history ask htmx for the whole page again.
    const restored = await client
      .get(`/g/${gallery.slug}`)
      .qs({ filter: 'favorites' })
      .header('hx-request', 'true')
      .header('hx-history-restore-request', 'true')
      .withEncryptedCookie(...cookie)
    restored.assertTextIncludes('<html')
    assert.equal((restored.text().match(/<li class="photo /g) ?? []).length, 1)
  })
})

test.group('Selection', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the counter shows picks against the package, and extras at its per-extra price', async ({ client, assert }) => {
    const { gallery, photos, visitor, cookie } = await familyInside({ photos: 4, includedPhotos: 2, extraPrice: 1500 })
    for (const photo of photos.slice(0, 3)) await PhotoFavorite.create({ photoId: photo.id, galleryVisitorId: visitor.id })
    const page = await client.get(`/g/${gallery.slug}`).withEncryptedCookie(...cookie)
    page.assertStatus(200)
    page.assertTextIncludes('3 of 2')
    page.assertTextIncludes('1 extra × $15.00 = $15.00, paid later in the shop')
    assert.include(page.text(), 'Submit selection')
  })

  test('"Submit selection" opens a review first: the chosen thumbnails, the count against the package, the extras', async ({ client, assert }) => {
    const { gallery, family, photos, visitor, cookie } = await familyInside({ photos: 4, includedPhotos: 2, extraPrice: 1500 })
    for (const photo of photos.slice(0, 3)) await PhotoFavorite.create({ photoId: photo.id, galleryVisitorId: visitor.id })
    const page = await client.get(`/g/${gallery.slug}`).withEncryptedCookie(...cookie).loginAs(family)
    assert.match(page.text(), new RegExp(`<a href="/g/${gallery.slug}/selection"[^>]*>\\s*Submit selection`))

    const review = await client.get(`/g/${gallery.slug}/selection`).withEncryptedCookie(...cookie).loginAs(family)
    review.assertStatus(200)
    review.assertTextIncludes('Review your selection')
    assert.match(review.text(), /<strong id="review-counter">3 of 2<\/strong>/)
    review.assertTextIncludes('1 extra × $15.00 = $15.00, paid later in the shop')
    assert.lengthOf(review.text().match(/<li class="ph-[0-9a-f]{6}"><img /g) ?? [], 3, 'one thumbnail per chosen photo')
    assert.include(review.text(), `action="/g/${gallery.slug}/selection"`)
    review.assertTextIncludes('Send my selection')
    await gallery.refresh()
    assert.isNull(gallery.selectionSubmittedAt, 'looking is not sending')
  })

  test('the family reopens a sent selection until the studio starts editing; the studio can always unlock it', async ({ client, assert }) => {
    const { gallery, photos, visitor, family } = await familyInside({ photos: 3, includedPhotos: 2 })
    const admin = await UserFactory.apply('admin').create()
    await PhotoFavorite.create({ photoId: photos[0].id, galleryVisitorId: visitor.id })
    const send = () => client.post(`/g/${gallery.slug}/selection`).loginAs(family).withCsrfToken().redirects(0)
    const reopen = () => client.delete(`/g/${gallery.slug}/selection`).loginAs(family).withCsrfToken().redirects(0)

    await send()
    const locked = await client.get(`/g/${gallery.slug}`).loginAs(family)
    locked.assertTextIncludes('Reopen my selection')
    const reopened = await reopen()
    reopened.assertStatus(303)
    reopened.assertFlashMessage('success', 'Your selection is open again: change your favourites, then send it again.')
    await gallery.refresh()
    assert.isNull(gallery.selectionSubmittedAt)
    await PhotoFavorite.create({ photoId: photos[1].id, galleryVisitorId: visitor.id })
    ;(await send()).assertFlashMessage('success', 'Thank you! Your selection of 2 photos is sent to the studio.')

    const editing = await client.post(`/admin/galleries/${gallery.id}/selection-editing`).loginAs(admin).withCsrfToken().redirects(0)
    editing.assertStatus(303)
    const studioPage = await client.get(`/admin/galleries/${gallery.id}`).loginAs(admin)
    studioPage.assertTextIncludes('the family can no longer reopen it')
    const after = await client.get(`/g/${gallery.slug}`).loginAs(family)
    assert.notInclude(after.text(), 'Reopen my selection')
    const refused = await reopen()
    refused.assertFlashMessage('error', 'The studio has started editing your selection. Ask them if you need to change it.')
    await gallery.refresh()
    assert.isNotNull(gallery.selectionSubmittedAt, 'still sent')

    const unlocked = await client.delete(`/admin/galleries/${gallery.id}/selection-lock`).loginAs(admin).withCsrfToken().redirects(0)
    unlocked.assertFlashMessage('success', 'The selection is unlocked: the family can change it and send it again.')
    await gallery.refresh()
    assert.isNull(gallery.selectionSubmittedAt)
    assert.isNull(gallery.selectionEditingStartedAt)
    const open = await client.get(`/g/${gallery.slug}`).loginAs(family)
    open.assertTextIncludes('Submit selection')
  })

  test('a visitor cannot reopen the family\'s selection', async ({ client, assert }) => {
    const { gallery, photos, visitor, family } = await familyInside({ photos: 2 })
    await PhotoFavorite.create({ photoId: photos[0].id, galleryVisitorId: visitor.id })
    await client.post(`/g/${gallery.slug}/selection`).loginAs(family).withCsrfToken().redirects(0)
    const { cookie } = await createVisitor(gallery, 'uncle@example.com')
    const response = await client.delete(`/g/${gallery.slug}/selection`).withEncryptedCookie(...cookie).withCsrfToken().redirects(0)
    response.assertStatus(403)
    await gallery.refresh()
    assert.isNotNull(gallery.selectionSubmittedAt)
  })

  test('submitting locks the favourites and emails the studio once, however often it is sent', async ({ client, assert }) => {
    const settings = await StudioSetting.current()
    settings.email = 'desk@studio.test'
    await settings.save()
    const { gallery, photos, visitor, family } = await familyInside({ photos: 3, includedPhotos: 2 })
    await PhotoFavorite.create({ photoId: photos[0].id, galleryVisitorId: visitor.id })
    await PhotoFavorite.create({ photoId: photos[1].id, galleryVisitorId: visitor.id })

    const first = await client.post(`/g/${gallery.slug}/selection`).loginAs(family).withCsrfToken().redirects(0)
    first.assertStatus(303)
    first.assertFlashMessage('success', 'Thank you! Your selection of 2 photos is sent to the studio.')
    await gallery.refresh()
    assert.isNotNull(gallery.selectionSubmittedAt)
    assert.equal(gallery.selectionVisitorId, visitor.id)

    const second = await client.post(`/g/${gallery.slug}/selection`).loginAs(family).withCsrfToken().redirects(0)
    second.assertStatus(303)
    second.assertFlashMessage('error', 'This gallery’s selection was already submitted.')
    const mails = await EmailLog.query().where('to', 'desk@studio.test')
    assert.lengthOf(mails, 1)
    assert.include(mails[0].subject, 'Selection submitted')

    const locked = await client.post(favoriteUrl(gallery, photos[2])).header('hx-request', 'true').loginAs(family).withCsrfToken()
    locked.assertStatus(409)
    locked.assertTextIncludes('disabled')
    const unlike = await client.delete(favoriteUrl(gallery, photos[0])).header('hx-request', 'true').loginAs(family).withCsrfToken()
    unlike.assertStatus(409)
    assert.lengthOf(await favoritesOf(visitor.id), 2)

    const page = await client.get(`/g/${gallery.slug}`).loginAs(family)
    page.assertTextIncludes('Selection submitted')
    page.assertTextIncludes('Your favourites are locked.')
    assert.notInclude(page.text(), `action="/g/${gallery.slug}/selection"`)
  })

  test('an empty selection is not submitted', async ({ client, assert }) => {
    const { gallery, family } = await familyInside()
    const response = await client.post(`/g/${gallery.slug}/selection`).loginAs(family).withCsrfToken().redirects(0)
    response.assertFlashMessage('error', 'Tap the heart on the photos you want before submitting your selection.')
    await gallery.refresh()
    assert.isNull(gallery.selectionSubmittedAt)
  })

  test('a visitor who is not the family keeps favourites but cannot submit the selection', async ({ client, assert }) => {
    const { gallery, photos } = await createFamilyGallery()
    const { visitor, cookie } = await createVisitor(gallery, 'grandma@example.com')
    await PhotoFavorite.create({ photoId: photos[0].id, galleryVisitorId: visitor.id })
    const page = await client.get(`/g/${gallery.slug}`).withEncryptedCookie(...cookie)
    page.assertTextIncludes('fav__button')
    assert.notInclude(page.text(), 'Submit selection')
    // Told who sends it, and counted as favourites, not against the family's package.
    page.assertTextIncludes('Only the family sends the selection to the studio')
    assert.match(page.text(), /<strong id="selection-counter">1 favourite<\/strong>/)
    assert.notInclude(page.text(), '1 of 10')
    const response = await client.post(`/g/${gallery.slug}/selection`).withEncryptedCookie(...cookie).withCsrfToken().redirects(0)
    response.assertStatus(403)
    await gallery.refresh()
    assert.isNull(gallery.selectionSubmittedAt)
    assert.lengthOf(await EmailLog.query().where('subject', 'like', 'Selection submitted%'), 0)
  })
})

test.group('Selection: a visitor with the family’s email', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  /** Someone who entered with the code and typed the family's email, with two favourites. */
  async function typedFamilyEmail() {
    const settings = await StudioSetting.current()
    settings.email = 'desk@studio.test'
    await settings.save()
    const setup = await createFamilyGallery({ photos: 3, includedPhotos: 5 })
    const { visitor, cookie } = await createVisitor(setup.gallery, setup.family.email!)
    for (const photo of setup.photos.slice(0, 2)) await PhotoFavorite.create({ photoId: photo.id, galleryVisitorId: visitor.id })
    return { ...setup, visitor, cookie }
  }

  test('is a visitor: submitting emails the family a one-time link, and only the link submits', async ({ client, assert }) => {
    const { gallery, family, visitor, cookie } = await typedFamilyEmail()
    const page = await client.get(`/g/${gallery.slug}`).withEncryptedCookie(...cookie)
    page.assertTextIncludes('Submit selection')
    page.assertTextIncludes('You review it first; then we email the family a link to confirm it.')
    const review = await client.get(`/g/${gallery.slug}/selection`).withEncryptedCookie(...cookie)
    review.assertTextIncludes('Email the family to confirm')

    const asked = await client.post(`/g/${gallery.slug}/selection`).withEncryptedCookie(...cookie).withCsrfToken().redirects(0)
    asked.assertStatus(303)
    const [local, domain] = family.email!.split('@')
    asked.assertFlashMessage('success', `To be sure it is the family, we emailed a link to ${local[0]}•••@${domain}: open it to submit your selection.`)
    await gallery.refresh()
    assert.isNull(gallery.selectionSubmittedAt, 'typing the family’s email submits nothing')
    assert.lengthOf(await EmailLog.query().where('to', 'desk@studio.test'), 0)

    const email = lastDeliveredTo(family.email!)
    assert.include(email.subject, 'Confirm your selection')
    const link = linkIn(email, '/selection/confirmation/')
    const stored = await GalleryEmailProof.query().where('galleryId', gallery.id).firstOrFail()
    assert.notInclude(stored.secretHash, link.split('/').pop()!, 'only a hash of the link is kept')

    // Opening the link (or a mail scanner following it) only asks to confirm.
    const confirm = await client.get(link)
    confirm.assertStatus(200)
    confirm.assertTextIncludes('Submit the selection of <strong>2 photos</strong>')
    await gallery.refresh()
    assert.isNull(gallery.selectionSubmittedAt)

    const submitted = await client.post(link).withCsrfToken().redirects(0)
    submitted.assertStatus(303)
    submitted.assertFlashMessage('success', 'Thank you! Your selection of 2 photos is sent to the studio.')
    await gallery.refresh()
    assert.isNotNull(gallery.selectionSubmittedAt)
    assert.equal(gallery.selectionVisitorId, visitor.id)
    assert.lengthOf(await EmailLog.query().where('to', 'desk@studio.test'), 1)

    // Single use.
    const again = await client.post(link).withCsrfToken().redirects(0)
    again.assertFlashMessage('error', 'This link has expired or was used already. Submit your selection again from the gallery for a new one.')
    ;(await client.get(link)).assertStatus(410)
    assert.lengthOf(await EmailLog.query().where('to', 'desk@studio.test'), 1)
  })

  test('a link past its 30 minutes, or a made-up one, submits nothing', async ({ client, assert }) => {
    const { gallery, family, cookie } = await typedFamilyEmail()
    await client.post(`/g/${gallery.slug}/selection`).withEncryptedCookie(...cookie).withCsrfToken()
    const link = linkIn(lastDeliveredTo(family.email!), '/selection/confirmation/')
    await db.from('gallery_email_proofs').update({ expires_at: sqlTime(DateTime.now().minus({ minutes: 1 })) })

    for (const path of [link, `/g/${gallery.slug}/selection/confirmation/${'x'.repeat(43)}`]) {
      const response = await client.post(path).withCsrfToken().redirects(0)
      response.assertFlashMessage('error', 'This link has expired or was used already. Submit your selection again from the gallery for a new one.')
    }
    await gallery.refresh()
    assert.isNull(gallery.selectionSubmittedAt)
  })

  test('at most three links an hour are emailed', async ({ client, assert }) => {
    const { gallery, family, cookie } = await typedFamilyEmail()
    for (let ask = 0; ask < 4; ask++) await client.post(`/g/${gallery.slug}/selection`).withEncryptedCookie(...cookie).withCsrfToken()
    assert.lengthOf(await EmailLog.query().where('to', family.email!), 3)
  })
})
