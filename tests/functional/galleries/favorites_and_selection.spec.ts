import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import EmailLog from '#models/email_log'
import type Gallery from '#models/gallery'
import type Photo from '#models/photo'
import PhotoFavorite from '#models/photo_favorite'
import StudioSetting from '#models/studio_setting'
import { UserFactory } from '#database/factories/user_factory'
import { createFamilyGallery, createVisitor } from '#tests/support/family_gallery'

const favoriteUrl = (gallery: Gallery, photo: Photo) => `/g/${gallery.slug}/photos/${photo.id}/favorite`

/** The family, entered with its own email (so it may submit the selection). */
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
    assert.include(html, `hx-delete="${favoriteUrl(gallery, photos[0])}"`)
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
    assert.equal((all.text().match(/data-full=/g) ?? []).length, 3)

    const favorites = await client.get(`/g/${gallery.slug}`).qs({ filter: 'favorites' }).header('hx-request', 'true').withEncryptedCookie(...cookie)
    favorites.assertStatus(200)
    const html = favorites.text()
    assert.notInclude(html, '<html')
    assert.match(html.trim(), /^<section id="gallery-grid"/)
    assert.equal((html.match(/data-full=/g) ?? []).length, 1)
    assert.include(html, `id="fav-${photos[1].id}"`)

    // Back and forward in history ask htmx for the whole page again.
    const restored = await client
      .get(`/g/${gallery.slug}`)
      .qs({ filter: 'favorites' })
      .header('hx-request', 'true')
      .header('hx-history-restore-request', 'true')
      .withEncryptedCookie(...cookie)
    restored.assertTextIncludes('<html')
    assert.equal((restored.text().match(/data-full=/g) ?? []).length, 1)
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

  test('submitting locks the favourites and emails the studio once, however often it is sent', async ({ client, assert }) => {
    const settings = await StudioSetting.current()
    settings.email = 'desk@studio.test'
    await settings.save()
    const { gallery, photos, visitor, cookie } = await familyInside({ photos: 3, includedPhotos: 2 })
    await PhotoFavorite.create({ photoId: photos[0].id, galleryVisitorId: visitor.id })
    await PhotoFavorite.create({ photoId: photos[1].id, galleryVisitorId: visitor.id })

    const first = await client.post(`/g/${gallery.slug}/selection`).withEncryptedCookie(...cookie).withCsrfToken().redirects(0)
    first.assertStatus(303)
    first.assertFlashMessage('success', 'Thank you! Your selection of 2 photos is sent to the studio.')
    await gallery.refresh()
    assert.isNotNull(gallery.selectionSubmittedAt)
    assert.equal(gallery.selectionVisitorId, visitor.id)

    const second = await client.post(`/g/${gallery.slug}/selection`).withEncryptedCookie(...cookie).withCsrfToken().redirects(0)
    second.assertStatus(303)
    second.assertFlashMessage('error', 'This gallery’s selection was already submitted.')
    const mails = await EmailLog.query().where('to', 'desk@studio.test')
    assert.lengthOf(mails, 1)
    assert.include(mails[0].subject, 'Selection submitted')

    const locked = await client.post(favoriteUrl(gallery, photos[2])).header('hx-request', 'true').withEncryptedCookie(...cookie).withCsrfToken()
    locked.assertStatus(409)
    locked.assertTextIncludes('disabled')
    const unlike = await client.delete(favoriteUrl(gallery, photos[0])).header('hx-request', 'true').withEncryptedCookie(...cookie).withCsrfToken()
    unlike.assertStatus(409)
    assert.lengthOf(await favoritesOf(visitor.id), 2)

    const page = await client.get(`/g/${gallery.slug}`).withEncryptedCookie(...cookie)
    page.assertTextIncludes('Selection submitted')
    page.assertTextIncludes('Your favourites are locked.')
    assert.notInclude(page.text(), `action="/g/${gallery.slug}/selection"`)
  })

  test('an empty selection is not submitted', async ({ client, assert }) => {
    const { gallery, cookie } = await familyInside()
    const response = await client.post(`/g/${gallery.slug}/selection`).withEncryptedCookie(...cookie).withCsrfToken().redirects(0)
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
    const response = await client.post(`/g/${gallery.slug}/selection`).withEncryptedCookie(...cookie).withCsrfToken().redirects(0)
    response.assertStatus(403)
    await gallery.refresh()
    assert.isNull(gallery.selectionSubmittedAt)
    assert.lengthOf(await EmailLog.query().where('subject', 'like', 'Selection submitted%'), 0)
  })
})
