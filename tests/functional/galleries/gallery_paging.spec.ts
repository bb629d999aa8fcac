import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type Gallery from '#models/gallery'
import type Photo from '#models/photo'
import PhotoFavorite from '#models/photo_favorite'
import { PHOTOS_PER_PAGE } from '#actions/galleries/list_gallery_photos'
import { createFamilyGallery, createVisitor } from '#tests/support/family_gallery'

const path = (gallery: Gallery) => `/g/${gallery.slug}`
const tilesIn = (html: string) => (html.match(/<li class="photo /g) ?? []).length
const tileOf = (photo: Photo) => `id="fav-${photo.id}"`

/** The family inside a gallery of one page and five photos more. */
async function bigGallery() {
  const setup = await createFamilyGallery({ photos: PHOTOS_PER_PAGE + 5, includedPhotos: 100 })
  const { visitor, cookie } = await createVisitor(setup.gallery, setup.family.email!, setup.family.id)
  return { ...setup, visitor, cookie }
}

test.group('Gallery page: a page of photos at a time', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the page shows the first photos, counts them all and offers the next ones', async ({ client, assert }) => {
    const { gallery, photos, cookie } = await bigGallery()
    const page = await client.get(path(gallery)).withEncryptedCookie(...cookie)
    page.assertStatus(200)
    const html = page.text()
    assert.equal(tilesIn(html), PHOTOS_PER_PAGE)
    assert.include(html, tileOf(photos[PHOTOS_PER_PAGE - 1]))
    assert.notInclude(html, tileOf(photos[PHOTOS_PER_PAGE]))
    assert.include(html, `${PHOTOS_PER_PAGE + 5} photos`)
    assert.include(html, `data-total="${PHOTOS_PER_PAGE + 5}"`)
    assert.include(html, 'Show more photos')
    assert.include(html, `href="${path(gallery)}?page=2"`)
    assert.include(html, 'hx-trigger="revealed, click"')
  })

  test('the next page (htmx) is the next tiles alone, and the last one offers no more', async ({ client, assert }) => {
    const { gallery, photos, cookie } = await bigGallery()
    const next = await client.get(path(gallery)).qs({ page: 2 }).header('hx-request', 'true').withEncryptedCookie(...cookie)
    next.assertStatus(200)
    const html = next.text()
    assert.notInclude(html, '<html')
    assert.notInclude(html, 'gallery-grid')
    assert.match(html.trim(), /^<li class="photo /)
    assert.equal(tilesIn(html), 5)
    assert.include(html, tileOf(photos[PHOTOS_PER_PAGE]))
    assert.include(html, tileOf(photos[PHOTOS_PER_PAGE + 4]))
    assert.notInclude(html, 'Show more photos')
    // Each page carries its tiles' placeholder colours in their classes.
    assert.match(html, /class="photo__open ph-[0-9a-f]{6}"/)

    // Without JavaScript the link is a page of its own.
    const plain = await client.get(path(gallery)).qs({ page: 2 }).withEncryptedCookie(...cookie)
    plain.assertStatus(200)
    plain.assertTextIncludes('<html')
    assert.equal(tilesIn(plain.text()), 5)
    assert.include(plain.text(), `${PHOTOS_PER_PAGE + 5} photos`)
  })

  test('the counter counts favourites beyond the first page', async ({ client, assert }) => {
    const { gallery, photos, visitor, cookie } = await bigGallery()
    for (const photo of photos.slice(PHOTOS_PER_PAGE, PHOTOS_PER_PAGE + 3)) {
      await PhotoFavorite.create({ photoId: photo.id, galleryVisitorId: visitor.id })
    }
    const page = await client.get(path(gallery)).withEncryptedCookie(...cookie)
    page.assertStatus(200)
    page.assertTextIncludes('<strong id="selection-counter">3 of 100</strong>')
    assert.notInclude(page.text(), 'aria-pressed="true"')

    const next = await client.get(path(gallery)).qs({ page: 2 }).header('hx-request', 'true').withEncryptedCookie(...cookie)
    assert.equal((next.text().match(/aria-pressed="true"/g) ?? []).length, 3)
  })

  test('the favourites filter comes a page at a time too', async ({ client, assert }) => {
    const { gallery, photos, visitor, cookie } = await bigGallery()
    const favourites = photos.slice(2, PHOTOS_PER_PAGE + 4)
    for (const photo of favourites) await PhotoFavorite.create({ photoId: photo.id, galleryVisitorId: visitor.id })

    const first = await client.get(path(gallery)).qs({ filter: 'favorites' }).header('hx-request', 'true').withEncryptedCookie(...cookie)
    first.assertStatus(200)
    assert.match(first.text().trim(), /^<section id="gallery-grid"/)
    assert.equal(tilesIn(first.text()), PHOTOS_PER_PAGE)
    assert.include(first.text(), `data-total="${favourites.length}"`)
    assert.notInclude(first.text(), tileOf(photos[0]))
    assert.include(first.text(), `href="${path(gallery)}?filter=favorites&amp;page=2"`)

    const next = await client.get(path(gallery)).qs({ filter: 'favorites', page: 2 }).header('hx-request', 'true').withEncryptedCookie(...cookie)
    assert.equal(tilesIn(next.text()), favourites.length - PHOTOS_PER_PAGE)
    assert.include(next.text(), tileOf(favourites.at(-1)!))
    assert.notInclude(next.text(), tileOf(photos.at(-1)!))
    assert.notInclude(next.text(), 'Show more photos')
  })

  test('a page past the end shows no tiles but still counts the gallery', async ({ client, assert }) => {
    const { gallery, cookie } = await bigGallery()
    const past = await client.get(path(gallery)).qs({ page: 9 }).withEncryptedCookie(...cookie)
    past.assertStatus(200)
    assert.equal(tilesIn(past.text()), 0)
    past.assertTextIncludes(`${PHOTOS_PER_PAGE + 5} photos`)
  })
})
