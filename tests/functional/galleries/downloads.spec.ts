import { randomBytes, randomUUID } from 'node:crypto'
import { PassThrough } from 'node:stream'
import { setTimeout } from 'node:timers/promises'
import { test } from '@japa/runner'
import { ApiRequest } from '@japa/api-client'
import yauzl from 'yauzl'
import sharp from 'sharp'
import drive from '@adonisjs/drive/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import Download from '#models/download'
import Gallery from '#models/gallery'
import GalleryVisitor from '#models/gallery_visitor'
import Photo from '#models/photo'
import IssueDownloadLink from '#actions/galleries/issue_download_link'
import ListGalleryPhotos from '#actions/galleries/list_gallery_photos'
import { visitorCookieName } from '#controllers/site/gallery_access'
import { UserFactory } from '#database/factories/user_factory'
import { GalleryFactory } from '#database/factories/gallery_factory'
import { PhotoSessionFactory } from '#database/factories/photo_session_factory'
import { MediaAssetFactory } from '#database/factories/media_asset_factory'
import { PhotoFactory } from '#database/factories/photo_factory'
import { PhotoFavoriteFactory } from '#database/factories/photo_favorite_factory'
import { photographerOf } from '#tests/support/studio'
import { exifTags } from '#tests/support/exif'
import { truncateAfterEach } from '#tests/support/truncate'
import { resetRateLimits } from '#tests/support/throttle'
import { gradientJpeg } from '#tests/support/images'
import StudioSetting from '#models/studio_setting'

// ZIPs come back as bytes (superagent only buffers text and images by default).
ApiRequest.addParser('application/zip', (response: any, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = []
  response.on('data', (chunk: Buffer) => chunks.push(chunk))
  response.on('end', () => done(null, Buffer.concat(chunks)))
})

interface StoredPhoto {
  photo: Photo
  original: Buffer
  web: Buffer
}

/** A published gallery of a family's photo session, downloads on, no watermark. */
async function familyGallery(merge: Partial<Gallery> = {}) {
  const family = await UserFactory.create()
  const photoSession = await PhotoSessionFactory.merge({ userId: family.id }).create()
  const gallery = await GalleryFactory.apply('published')
    .merge({ photoSessionId: photoSession.id, watermarkEnabled: false, downloadEnabled: true, ...merge })
    .create()
  return { family, gallery }
}

/** Folders written by storedPhoto, removed after each test. */
const writtenFolders: string[] = []
async function removeWrittenFiles() {
  for (const folder of writtenFolders.splice(0)) await drive.use('fs').deleteAll(folder)
}

/** A photo whose original and web-size files are really on the test disk, each bytes of its own. */
async function storedPhoto(
  gallery: Gallery,
  sortOrder: number,
  merge: Partial<Photo> = {},
  camera?: Buffer,
  options: { web?: boolean } = {}
): Promise<StoredPhoto> {
  const id = randomUUID()
  const colour = `#${randomBytes(3).toString('hex')}`
  const image = sharp({ create: { width: 60, height: 40, channels: 3, background: colour } })
  // A camera original is a JPEG with its metadata; otherwise a plain PNG.
  const original = camera ?? (await image.clone().png().toBuffer())
  const extension = camera ? 'jpg' : 'png'
  const web = await image.clone().jpeg().toBuffer()
  const folder = `media/${id}`
  writtenFolders.push(folder)
  // Without `web`: a photo processed before web-size files were made (as the old demo seeds were).
  const withWeb = options.web ?? true
  const variants = { thumb: `${folder}/thumb.webp`, preview: `${folder}/preview.webp`, ...(withWeb ? { web: `${folder}/web.jpg` } : {}) }
  await drive.use('fs').put(`${folder}/original.${extension}`, original)
  if (withWeb) await drive.use('fs').put(`${folder}/web.jpg`, web)
  const asset = await MediaAssetFactory.merge({
    id,
    key: `${folder}/original.${extension}`,
    mimeType: camera ? 'image/jpeg' : 'image/png',
    byteSize: original.length,
    variants,
  }).create()
  const photo = await PhotoFactory.merge({ galleryId: gallery.id, mediaAssetId: asset.id, sortOrder, ...merge }).create()
  return { photo, original, web }
}

/** A visitor who entered the gallery with its code: their row and the cookie that keeps them in. */
async function visitorOf(gallery: Gallery, email = 'grandma@example.com') {
  const visitor = await GalleryVisitor.forEmail(gallery, email)
  const token = await visitor.issuePass(gallery)
  return { visitor, cookie: [visitorCookieName(gallery), token] as const }
}

/** Runs `make` as if the clock read `minutes` ago (signed URLs carry their expiry date). */
function minutesAgo<T>(minutes: number, make: () => T): T {
  const realNow = Date.now
  Date.now = () => realNow() - minutes * 60_000
  try {
    return make()
  } finally {
    Date.now = realNow
  }
}

function linkPath(url: string) {
  const parsed = new URL(url, 'http://localhost')
  return parsed.pathname + parsed.search
}

/** Every entry of a ZIP: name → bytes, in archive order. */
function readZip(buffer: Buffer) {
  return new Promise<Map<string, Buffer>>((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error)
      const entries = new Map<string, Buffer>()
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (openError, stream) => {
          if (openError) return reject(openError)
          const chunks: Buffer[] = []
          stream.on('data', (chunk: Buffer) => chunks.push(chunk))
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks))
            zip.readEntry()
          })
          stream.on('error', reject)
        })
      })
      zip.on('end', () => resolve(entries))
      zip.on('error', reject)
      zip.readEntry()
    })
  })
}

async function downloadsOf(photo: Photo) {
  return Download.query().where('photoId', photo.id)
}

test.group('Gallery downloads: one photo', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(removeWrittenFiles)

  test('the family asks for a link, is sent to a signed URL and gets the web-size file', async ({ client, assert }) => {
    const { family, gallery } = await familyGallery({ slug: 'lindqvist-summer' })
    await storedPhoto(gallery, 1)
    const second = await storedPhoto(gallery, 2)

    const link = await client
      .post(`/g/${gallery.slug}/photos/${second.photo.id}/download-links`)
      .loginAs(family)
      .withCsrfToken()
      .redirects(0)
    link.assertStatus(303)
    const location = link.header('location')!
    assert.match(location, new RegExp(`^/downloads/photos/${second.photo.id}/web\\?.*signature=`))

    const file = await client.get(location)
    file.assertStatus(200)
    file.assertHeader('content-type', 'image/jpeg')
    file.assertHeader('content-disposition', 'attachment; filename="002-lindqvist-summer.jpg"')
    assert.equal(file.header('cache-control'), 'private, no-store')
    assert.isTrue(Buffer.compare(file.body(), second.web) === 0, 'the stored web-size file, byte for byte')

    const rows = await downloadsOf(second.photo)
    assert.lengthOf(rows, 1)
    assert.deepInclude(rows[0].$attributes, { variant: 'web', userId: family.id })
    assert.isNotNull(rows[0].galleryVisitorId, 'the family is recorded as its visitor row too')
    assert.match(rows[0].ipHash!, /^[0-9a-f]{64}$/)
    assert.notEqual(rows[0].ipHash, '127.0.0.1')
    await gallery.refresh()
    assert.equal(gallery.downloadCount, 1)
  })

  test('a visitor downloads the original with its own type and is recorded as that visitor', async ({ client, assert }) => {
    const { gallery } = await familyGallery()
    const { photo, original } = await storedPhoto(gallery, 1)
    const { visitor, cookie } = await visitorOf(gallery)

    const link = await client
      .post(`/g/${gallery.slug}/photos/${photo.id}/download-links`)
      .form({ variant: 'original' })
      .withEncryptedCookie(...cookie)
      .withCsrfToken()
      .redirects(0)
    link.assertStatus(303)

    // The link stands on its own: no cookie needed to follow it.
    const file = await client.get(link.header('location')!)
    file.assertStatus(200)
    file.assertHeader('content-type', 'image/png')
    assert.match(file.header('content-disposition')!, /^attachment; filename="001-.*\.png"$/)
    assert.isTrue(Buffer.compare(file.body(), original) === 0, 'the original, byte for byte')

    const rows = await downloadsOf(photo)
    assert.lengthOf(rows, 1)
    assert.deepInclude(rows[0].$attributes, { variant: 'original', galleryVisitorId: visitor.id, userId: null })
  })

  test('a JSON request gets the link and its lifetime instead of a redirect', async ({ client, assert }) => {
    const { family, gallery } = await familyGallery()
    const { photo } = await storedPhoto(gallery, 1)
    const response = await client
      .post(`/g/${gallery.slug}/photos/${photo.id}/download-links`)
      .accept('json')
      .loginAs(family)
      .withCsrfToken()
    response.assertStatus(200)
    assert.equal(response.body().expiresInSeconds, 300)
    assert.include(response.body().url, `/downloads/photos/${photo.id}/web?`)
    assert.lengthOf(await downloadsOf(photo), 0, 'asking for a link is not a download')
  })

  test('each download is a row and the gallery count keeps up', async ({ client, assert }) => {
    const { family, gallery } = await familyGallery()
    const { photo } = await storedPhoto(gallery, 1)
    const url = linkPath(IssueDownloadLink.handle(photo, 'web', { as: 'family', userId: family.id, galleryVisitorId: null }))
    ;(await client.get(url)).assertStatus(200)
    ;(await client.get(url)).assertStatus(200)
    assert.lengthOf(await downloadsOf(photo), 2)
    await gallery.refresh()
    assert.equal(gallery.downloadCount, 2)
  })

  test('with downloads turned off the family is refused and nothing is recorded', async ({ client, assert }) => {
    const { family, gallery } = await familyGallery({ downloadEnabled: false })
    const { photo } = await storedPhoto(gallery, 1)

    const link = await client
      .post(`/g/${gallery.slug}/photos/${photo.id}/download-links`)
      .loginAs(family)
      .withCsrfToken()
      .redirects(0)
    link.assertStatus(403)
    link.assertTextIncludes('Downloads are turned off for this gallery.')

    // A link made before the studio turned downloads off stops working too.
    const issued = linkPath(IssueDownloadLink.handle(photo, 'web', { as: 'family', userId: family.id, galleryVisitorId: null }))
    ;(await client.get(issued)).assertStatus(403)
    assert.lengthOf(await downloadsOf(photo), 0)
  })

  test('a tampered link is a 403 page offering a fresh link from the gallery', async ({ client, assert }) => {
    const { family, gallery } = await familyGallery()
    const { photo } = await storedPhoto(gallery, 1)
    const url = linkPath(IssueDownloadLink.handle(photo, 'web', { as: 'family', userId: family.id, galleryVisitorId: null }))

    // Asking for the original with a signature made for the web size.
    const tampered = url.replace('/web?', '/original?')
    const response = await client.get(tampered)
    response.assertStatus(403)
    response.assertTextIncludes('This link has expired or is not valid.')
    response.assertTextIncludes('Get a fresh link')
    assert.include(response.text(), `href="/g/${gallery.slug}"`)

    // Passing the download off as someone else's breaks the signature as well.
    const other = await client.get(url.replace(`user=${family.id}`, `user=${randomUUID()}`))
    other.assertStatus(403)
    assert.lengthOf(await downloadsOf(photo), 0)
  })

  test('a link works for its five minutes and is a 403 afterwards', async ({ client, assert }) => {
    const { family, gallery } = await familyGallery()
    const { photo } = await storedPhoto(gallery, 1)
    const downloader = { as: 'family' as const, userId: family.id, galleryVisitorId: null }

    const fresh = minutesAgo(4, () => IssueDownloadLink.handle(photo, 'web', downloader))
    ;(await client.get(linkPath(fresh))).assertStatus(200)

    const stale = minutesAgo(6, () => IssueDownloadLink.handle(photo, 'web', downloader))
    const response = await client.get(linkPath(stale))
    response.assertStatus(403)
    response.assertTextIncludes('Get a fresh link')
    assert.lengthOf(await downloadsOf(photo), 1)
  })

  test('the studio downloads from a draft gallery with downloads off, without counting as a delivery', async ({ client, assert }) => {
    const { gallery } = await familyGallery({ downloadEnabled: false })
    gallery.status = 'draft'
    await gallery.save()
    const { photo, original } = await storedPhoto(gallery, 1)
    const photographer = await photographerOf(gallery)

    const link = await client
      .post(`/g/${gallery.slug}/photos/${photo.id}/download-links`)
      .form({ variant: 'original' })
      .loginAs(photographer)
      .withCsrfToken()
      .redirects(0)
    link.assertStatus(303)
    const file = await client.get(link.header('location')!)
    file.assertStatus(200)
    assert.isTrue(Buffer.compare(file.body(), original) === 0)
    const rows = await downloadsOf(photo)
    assert.deepInclude(rows[0].$attributes, { userId: photographer.id, galleryVisitorId: null })
    await gallery.refresh()
    assert.equal(gallery.downloadCount, 0, 'the family sees its own downloads only')
  })

  test('front-desk staff see a gallery with downloads off but cannot take its originals', async ({ client, assert }) => {
    const { gallery } = await familyGallery({ downloadEnabled: false })
    const { photo, web } = await storedPhoto(gallery, 1)
    const staff = await UserFactory.apply('staff').create()

    const page = await client.get(`/g/${gallery.slug}`).loginAs(staff)
    page.assertStatus(200)
    page.assertTextIncludes('Studio preview')
    const linkTo = (variant: string) =>
      client.post(`/g/${gallery.slug}/photos/${photo.id}/download-links`).form({ variant }).loginAs(staff).withCsrfToken().redirects(0)
    const original = await linkTo('original')
    original.assertStatus(403)
    original.assertTextIncludes('Downloads are turned off for this gallery: originals stay with the studio.')
    const archive = await client.get(`/g/${gallery.slug}/archive`).qs({ set: 'all', variant: 'original' }).loginAs(staff).redirects(0)
    archive.assertStatus(403)
    assert.lengthOf(await downloadsOf(photo), 0)

    // The web size is theirs to check, and with downloads on the originals are too.
    const webLink = await linkTo('web')
    webLink.assertStatus(303)
    assert.isTrue(Buffer.compare((await client.get(webLink.header('location')!)).body(), web) === 0)
    gallery.downloadEnabled = true
    await gallery.save()
    ;(await linkTo('original')).assertStatus(303)
  })

  test("another family gets a 404 for a gallery that isn't theirs", async ({ client, assert }) => {
    const { gallery } = await familyGallery()
    const { photo } = await storedPhoto(gallery, 1)
    const stranger = await UserFactory.create()

    const link = await client
      .post(`/g/${gallery.slug}/photos/${photo.id}/download-links`)
      .loginAs(stranger)
      .withCsrfToken()
      .redirects(0)
    link.assertStatus(404)
    const archive = await client.get(`/g/${gallery.slug}/archive`).qs({ set: 'all' }).loginAs(stranger).redirects(0)
    archive.assertStatus(404)
    assert.lengthOf(await downloadsOf(photo), 0)
  })

  test("a visitor of another gallery gets a 404, even with that gallery's cookie", async ({ client, assert }) => {
    const { gallery } = await familyGallery()
    const { photo } = await storedPhoto(gallery, 1)
    const { gallery: theirs } = await familyGallery()
    const { cookie } = await visitorOf(theirs)

    const asTheirs = await client
      .post(`/g/${gallery.slug}/photos/${photo.id}/download-links`)
      .withEncryptedCookie(...cookie)
      .withCsrfToken()
      .redirects(0)
    asTheirs.assertStatus(404)

    // Their token under this gallery's cookie name opens nothing either.
    const replayed = await client
      .post(`/g/${gallery.slug}/photos/${photo.id}/download-links`)
      .withEncryptedCookie(visitorCookieName(gallery), cookie[1])
      .withCsrfToken()
      .redirects(0)
    replayed.assertStatus(404)
    assert.lengthOf(await downloadsOf(photo), 0)
  })

  test("a photo of another gallery can't be asked for through this one", async ({ client }) => {
    const { family, gallery } = await familyGallery()
    const { gallery: other } = await familyGallery()
    const { photo } = await storedPhoto(other, 1)
    const response = await client
      .post(`/g/${gallery.slug}/photos/${photo.id}/download-links`)
      .loginAs(family)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(404)
  })

  test('a hidden photo is a 404, and so is a link made before it was hidden', async ({ client, assert }) => {
    const { family, gallery } = await familyGallery()
    const { photo } = await storedPhoto(gallery, 1, { isHidden: true })
    const link = await client
      .post(`/g/${gallery.slug}/photos/${photo.id}/download-links`)
      .loginAs(family)
      .withCsrfToken()
      .redirects(0)
    link.assertStatus(404)

    const visible = await storedPhoto(gallery, 2)
    const url = linkPath(IssueDownloadLink.handle(visible.photo, 'web', { as: 'family', userId: family.id, galleryVisitorId: null }))
    visible.photo.isHidden = true
    await visible.photo.save()
    ;(await client.get(url)).assertStatus(404)
    assert.lengthOf(await Download.all(), 0)
  })

  test('a photo id that is not a uuid is a 404, not an error', async ({ client }) => {
    const { family, gallery } = await familyGallery()
    const response = await client
      .post(`/g/${gallery.slug}/photos/not-a-uuid/download-links`)
      .loginAs(family)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(404)
  })

  test('an expired gallery sends the family back to its page, which explains', async ({ client, assert }) => {
    const { family, gallery } = await familyGallery()
    const { photo } = await storedPhoto(gallery, 1)
    await gallery.expire()
    const link = await client
      .post(`/g/${gallery.slug}/photos/${photo.id}/download-links`)
      .loginAs(family)
      .withCsrfToken()
      .redirects(0)
    link.assertStatus(303)
    link.assertHeader('location', `/g/${gallery.slug}`)
    assert.lengthOf(await downloadsOf(photo), 0)
  })
})

test.group('Gallery downloads: ZIP archives', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(removeWrittenFiles)

  test('"download all" streams a ZIP of every visible photo, numbered in gallery order', async ({ client, assert }) => {
    const { family, gallery } = await familyGallery({ slug: 'berg-autumn' })
    const first = await storedPhoto(gallery, 1)
    const second = await storedPhoto(gallery, 2)
    const hidden = await storedPhoto(gallery, 3, { isHidden: true })
    const third = await storedPhoto(gallery, 4)

    const response = await client.get(`/g/${gallery.slug}/archive`).qs({ set: 'all' }).loginAs(family)
    response.assertStatus(200)
    response.assertHeader('content-type', 'application/zip')
    response.assertHeader('content-disposition', 'attachment; filename="berg-autumn-photos.zip"')
    // Sent while it is built: no length known up front, so no archive was assembled first.
    assert.isUndefined(response.header('content-length'))
    response.assertHeader('transfer-encoding', 'chunked')

    const entries = await readZip(response.body())
    assert.deepEqual([...entries.keys()], ['001-berg-autumn.jpg', '002-berg-autumn.jpg', '003-berg-autumn.jpg'])
    assert.isTrue(Buffer.compare(entries.get('001-berg-autumn.jpg')!, first.web) === 0)
    assert.isTrue(Buffer.compare(entries.get('002-berg-autumn.jpg')!, second.web) === 0)
    assert.isTrue(Buffer.compare(entries.get('003-berg-autumn.jpg')!, third.web) === 0)

    for (const { photo } of [first, second, third]) {
      const rows = await downloadsOf(photo)
      assert.lengthOf(rows, 1)
      assert.deepInclude(rows[0].$attributes, { variant: 'web', userId: family.id })
    }
    assert.lengthOf(await downloadsOf(hidden.photo), 0)
    await gallery.refresh()
    assert.equal(gallery.downloadCount, 3)
  })

  test('originals come in their own format', async ({ client, assert }) => {
    const { family, gallery } = await familyGallery({ slug: 'berg-winter' })
    const { photo, original } = await storedPhoto(gallery, 1)
    const response = await client.get(`/g/${gallery.slug}/archive`).qs({ set: 'all', variant: 'original' }).loginAs(family)
    response.assertStatus(200)
    response.assertHeader('content-disposition', 'attachment; filename="berg-winter-photos-originals.zip"')
    const entries = await readZip(response.body())
    assert.deepEqual([...entries.keys()], ['001-berg-winter.png'])
    assert.isTrue(Buffer.compare(entries.get('001-berg-winter.png')!, original) === 0)
    assert.equal((await downloadsOf(photo))[0].variant, 'original')
  })

  test('originals reach the family without GPS or personal EXIF, losslessly; the studio gets its files as uploaded', async ({ client, assert }) => {
    const { family, gallery } = await familyGallery()
    const camera = await sharp(await gradientJpeg(120, 80))
      .withExif({ IFD0: { Make: 'LoupeCam', Artist: 'Jane Parent' }, IFD2: { BodySerialNumber: 'SN-12345' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' } })
      .jpeg()
      .toBuffer()
    const { photo } = await storedPhoto(gallery, 1, {}, camera)
    const { cookie } = await visitorOf(gallery)
    const scans = (jpeg: Buffer) => jpeg.subarray(jpeg.indexOf(Buffer.from([0xff, 0xda])))
    const assertStripped = async (file: Buffer) => {
      const text = file.toString('latin1')
      assert.notInclude(text, 'Jane Parent')
      assert.notInclude(text, 'SN-12345')
      assert.include(text, 'LoupeCam', 'the camera stays')
      assert.equal(exifTags((await sharp(file).metadata()).exif!).gps.size, 0, 'no GPS')
      assert.isTrue(scans(file).equals(scans(camera)), 'the image itself is untouched: no re-encode')
    }

    const link = await client.post(`/g/${gallery.slug}/photos/${photo.id}/download-links`).form({ variant: 'original' }).withEncryptedCookie(...cookie).withCsrfToken().redirects(0)
    await assertStripped((await client.get(link.header('location')!)).body())
    const zip = await client.get(`/g/${gallery.slug}/archive`).qs({ set: 'all', variant: 'original' }).loginAs(family)
    await assertStripped([...(await readZip(zip.body())).values()][0])

    // The studio downloads its own file as uploaded.
    const admin = await UserFactory.apply('admin').create()
    const studioLink = await client.post(`/g/${gallery.slug}/photos/${photo.id}/download-links`).form({ variant: 'original' }).loginAs(admin).withCsrfToken().redirects(0)
    assert.isTrue((await client.get(studioLink.header('location')!)).body().equals(camera))

    // A studio that opts in delivers originals with their metadata.
    const settings = await StudioSetting.current()
    settings.keepOriginalMetadata = true
    await settings.save()
    const kept = await client.post(`/g/${gallery.slug}/photos/${photo.id}/download-links`).form({ variant: 'original' }).withEncryptedCookie(...cookie).withCsrfToken().redirects(0)
    assert.isTrue((await client.get(kept.header('location')!)).body().equals(camera))
  })

  test('"download favourites" holds only the visitor\'s favourites, keeping their numbers', async ({ client, assert }) => {
    const { gallery } = await familyGallery({ slug: 'holm-spring' })
    const photos = [await storedPhoto(gallery, 1), await storedPhoto(gallery, 2), await storedPhoto(gallery, 3)]
    const { visitor, cookie } = await visitorOf(gallery)
    const { visitor: someoneElse } = await visitorOf(gallery, 'uncle@example.com')
    await PhotoFavoriteFactory.merge({ photoId: photos[1].photo.id, galleryVisitorId: visitor.id }).create()
    await PhotoFavoriteFactory.merge({ photoId: photos[2].photo.id, galleryVisitorId: visitor.id }).create()
    await PhotoFavoriteFactory.merge({ photoId: photos[0].photo.id, galleryVisitorId: someoneElse.id }).create()

    const response = await client.get(`/g/${gallery.slug}/archive`).qs({ set: 'favorites' }).withEncryptedCookie(...cookie)
    response.assertStatus(200)
    response.assertHeader('content-disposition', 'attachment; filename="holm-spring-favourites.zip"')
    const entries = await readZip(response.body())
    assert.deepEqual([...entries.keys()], ['002-holm-spring.jpg', '003-holm-spring.jpg'])
    assert.isTrue(Buffer.compare(entries.get('003-holm-spring.jpg')!, photos[2].web) === 0)

    const rows = await Download.query().where('galleryVisitorId', visitor.id).orderBy('photoId')
    assert.sameMembers(rows.map((row) => row.photoId), [photos[1].photo.id, photos[2].photo.id])
    assert.lengthOf(await downloadsOf(photos[0].photo), 0)
  })

  test('with no favourites yet the visitor is sent back to the gallery with a note', async ({ client, assert }) => {
    const { gallery } = await familyGallery()
    await storedPhoto(gallery, 1)
    const { cookie } = await visitorOf(gallery)
    const response = await client
      .get(`/g/${gallery.slug}/archive`)
      .qs({ set: 'favorites' })
      .withEncryptedCookie(...cookie)
      .redirects(0)
    response.assertStatus(303)
    response.assertHeader('location', `/g/${gallery.slug}`)
    response.assertFlashMessage('error', 'You have no favourites to download yet.')
    assert.lengthOf(await Download.all(), 0)
  })

  test('an unknown set is refused without writing anything', async ({ client, assert }) => {
    const { family, gallery } = await familyGallery()
    await storedPhoto(gallery, 1)
    const response = await client.get(`/g/${gallery.slug}/archive`).qs({ set: 'everything' }).accept('json').loginAs(family)
    response.assertStatus(422)
    assert.lengthOf(await Download.all(), 0)
  })

  test('with downloads off there is no ZIP for the family', async ({ client, assert }) => {
    const { family, gallery } = await familyGallery({ downloadEnabled: false })
    await storedPhoto(gallery, 1)
    const response = await client.get(`/g/${gallery.slug}/archive`).qs({ set: 'all' }).loginAs(family).redirects(0)
    response.assertStatus(403)
    assert.lengthOf(await Download.all(), 0)
  })
})

test.group('Gallery downloads: watermarked galleries', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(removeWrittenFiles)

  test('the viewing URLs handed out are watermarked, thumbnails included, never a plain size', async ({ assert }) => {
    const { family, gallery } = await familyGallery({ watermarkEnabled: true })
    const { photo } = await storedPhoto(gallery, 1)
    const asset = await photo.related('mediaAsset').query().firstOrFail()
    const folder = `media/${asset.id}`
    asset.variants = { ...asset.variants, watermarked: `${folder}/watermarked.webp`, watermarkedThumb: `${folder}/watermarked_thumb.webp` }
    await asset.save()
    const visitor = await GalleryVisitor.create({ galleryId: gallery.id, email: family.email!, userId: family.id })

    const list = await ListGalleryPhotos.handle(gallery, { kind: 'family', user: family, visitor })
    assert.lengthOf(list.photos, 1)
    assert.include(list.photos[0].fullUrl, `/media/${asset.id}/watermarked?`)
    assert.include(list.photos[0].thumbUrl, `/media/${asset.id}/watermarkedThumb?`)
    for (const url of [list.photos[0].fullUrl, list.photos[0].thumbUrl]) {
      for (const plain of ['/thumb?', '/preview?', '/web?']) assert.notInclude(url, plain)
    }
  })

  test('a watermarked photo processed before watermarked thumbnails existed shows its watermarked preview, never a plain one', async ({ assert }) => {
    const { family, gallery } = await familyGallery({ watermarkEnabled: true })
    const { photo } = await storedPhoto(gallery, 1)
    const visitor = await GalleryVisitor.create({ galleryId: gallery.id, email: family.email!, userId: family.id })
    const list = await ListGalleryPhotos.handle(gallery, { kind: 'family', user: family, visitor })
    assert.include(list.photos[0].thumbUrl, `/media/${photo.mediaAssetId}/watermarked?`)
    assert.include(list.photos[0].fullUrl, `/media/${photo.mediaAssetId}/watermarked?`)
  })

  test('a signed viewing URL serves its file, and a forged variant in it is refused', async ({ client, assert }) => {
    const { family, gallery } = await familyGallery({ watermarkEnabled: true })
    const { photo } = await storedPhoto(gallery, 1)
    const marked = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#808080' } }).webp().toBuffer()
    await drive.use('fs').put(`media/${photo.mediaAssetId}/watermarked.webp`, marked)
    const asset = await photo.related('mediaAsset').query().firstOrFail()
    asset.variants = { ...asset.variants, watermarked: `media/${asset.id}/watermarked.webp` }
    await asset.save()
    const visitor = await GalleryVisitor.create({ galleryId: gallery.id, email: family.email!, userId: family.id })
    const { photos } = await ListGalleryPhotos.handle(gallery, { kind: 'family', user: family, visitor })

    const shown = await client.get(linkPath(photos[0].fullUrl))
    shown.assertStatus(200)
    shown.assertHeader('content-type', 'image/webp')
    assert.isTrue(Buffer.compare(shown.body(), marked) === 0)

    // Swapping "watermarked" for "web" in a handed-out URL does not unlock the plain file.
    const forged = await client.get(linkPath(photos[0].fullUrl).replace('/watermarked?', '/web?'))
    forged.assertStatus(403)
  })
})

test.group('Gallery downloads: from the gallery page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(removeWrittenFiles)

  test('a watermarked gallery page hands out only watermarked thumbnails and previews', async ({ client, assert }) => {
    const { family, gallery } = await familyGallery({ watermarkEnabled: true })
    for (const order of [1, 2]) {
      const { photo } = await storedPhoto(gallery, order)
      const asset = await photo.related('mediaAsset').query().firstOrFail()
      asset.variants = { ...asset.variants, watermarked: `media/${asset.id}/watermarked.webp`, watermarkedThumb: `media/${asset.id}/watermarked_thumb.webp` }
      await asset.save()
    }
    const page = await client.get(`/g/${gallery.slug}`).loginAs(family)
    page.assertStatus(200)
    const variants = [...page.text().matchAll(/\/media\/[0-9a-f-]{36}\/([a-zA-Z]+)\?/g)].map((match) => match[1])
    assert.sameMembers([...new Set(variants)], ['watermarkedThumb', 'watermarked'], 'never the plain thumbnail, preview or web copy')
  })

  test("the page's download controls lead to the file and to the ZIP", async ({ client, assert }) => {
    const { family, gallery } = await familyGallery()
    const { photo, web } = await storedPhoto(gallery, 1)
    await storedPhoto(gallery, 2)
    const page = await client.get(`/g/${gallery.slug}`).loginAs(family)
    page.assertStatus(200)
    const html = page.text().replace(/&amp;/g, '&')

    // The lightbox puts the photo's id (its image's p-<id>) in the grid's download URL.
    const pattern = html.match(new RegExp(`data-download-url="(/g/${gallery.slug}/photos/0{8}-0{4}-0{4}-0{4}-0{12}/download-links)"`))?.[1]
    assert.exists(pattern, 'the grid carries the download action')
    assert.include(html, `id="p-${photo.id}"`)
    const action = pattern!.replace('00000000-0000-0000-0000-000000000000', photo.id)
    const link = await client.post(action).loginAs(family).withCsrfToken().redirects(0)
    link.assertStatus(303)
    const file = await client.get(link.header('location')!)
    assert.isTrue(Buffer.compare(file.body(), web) === 0)

    const archiveHref = html.match(new RegExp(`href="(/g/${gallery.slug}/archive\\?[^"]*set=all[^"]*variant=web[^"]*)"`))?.[1]
    assert.exists(archiveHref, 'a "Download all" button')
    const archive = await client.get(archiveHref!).loginAs(family)
    archive.assertHeader('content-type', 'application/zip')
    assert.lengthOf([...(await readZip(archive.body())).keys()], 2)
  })

  test('with downloads off the page offers no download controls', async ({ client, assert }) => {
    const { family, gallery } = await familyGallery({ downloadEnabled: false })
    await storedPhoto(gallery, 1)
    const page = await client.get(`/g/${gallery.slug}`).loginAs(family)
    page.assertStatus(200)
    assert.notInclude(page.text(), '/download-links')
    assert.notInclude(page.text(), '/archive?')
  })
})

test.group('Gallery downloads: every photo shown can be downloaded', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(removeWrittenFiles)

  test('a photo without its web-size file downloads all the same: made on demand from the original and kept', async ({ client, assert }) => {
    const { family, gallery } = await familyGallery({ slug: 'old-demo' })
    const stored = await storedPhoto(gallery, 1, {}, undefined, { web: false })

    const link = await client.post(`/g/${gallery.slug}/photos/${stored.photo.id}/download-links`).loginAs(family).withCsrfToken().redirects(0)
    link.assertStatus(303)
    const file = await client.get(link.header('location')!)
    file.assertStatus(200)
    file.assertHeader('content-type', 'image/jpeg')
    const made = await sharp(file.body()).metadata()
    assert.equal(made.format, 'jpeg')
    assert.equal(made.width, 60)

    const asset = await stored.photo.related('mediaAsset').query().firstOrFail()
    assert.equal(asset.variants?.web, `media/${asset.id}/web.jpg`, 'recorded for next time')
    assert.isTrue(await drive.use('fs').exists(asset.variants!.web!))
    assert.lengthOf(await downloadsOf(stored.photo), 1)
  })

  test('the counts on the page are what the ZIPs hold, even for photos without web-size files', async ({ client, assert }) => {
    const { gallery } = await familyGallery({ slug: 'counts-agree' })
    const photos = [
      await storedPhoto(gallery, 1, {}, undefined, { web: false }),
      await storedPhoto(gallery, 2, {}, undefined, { web: false }),
      await storedPhoto(gallery, 3),
    ]
    const { visitor, cookie } = await visitorOf(gallery)
    await PhotoFavoriteFactory.merge({ photoId: photos[0].photo.id, galleryVisitorId: visitor.id }).create()
    await PhotoFavoriteFactory.merge({ photoId: photos[1].photo.id, galleryVisitorId: visitor.id }).create()

    const page = await client.get(`/g/${gallery.slug}`).withEncryptedCookie(...cookie)
    page.assertStatus(200)
    assert.include(page.text(), 'Download all (3)')
    assert.include(page.text(), 'Download favourites (2)')
    // A visitor, not the family: favourites, not a count against the package.
    assert.match(page.text(), /<strong id="selection-counter">2 favourites<\/strong>/)

    const all = await client.get(`/g/${gallery.slug}/archive`).qs({ set: 'all' }).withEncryptedCookie(...cookie)
    all.assertStatus(200)
    assert.lengthOf([...(await readZip(all.body())).keys()], 3)
    const favourites = await client.get(`/g/${gallery.slug}/archive`).qs({ set: 'favorites' }).withEncryptedCookie(...cookie)
    favourites.assertStatus(200)
    assert.deepEqual([...(await readZip(favourites.body())).keys()], ['001-counts-agree.jpg', '002-counts-agree.jpg'])
  })

  test('a photo still being prepared explains itself instead of a 404', async ({ client, assert }) => {
    const { family, gallery } = await familyGallery()
    const asset = await MediaAssetFactory.apply('processing').create()
    const photo = await PhotoFactory.merge({ galleryId: gallery.id, mediaAssetId: asset.id }).create()
    const url = IssueDownloadLink.handle(photo, 'web', { as: 'family', userId: family.id, galleryVisitorId: null })

    const response = await client.get(linkPath(url))
    response.assertStatus(409)
    assert.include(response.text(), 'This photo is still being prepared. Try again in a minute or two.')
    assert.include(response.text(), `href="/g/${gallery.slug}"`)
    assert.lengthOf(await downloadsOf(photo), 0)
  })

  test('an original lost from storage is explained, not a 404', async ({ client, assert }) => {
    const { family, gallery } = await familyGallery()
    const stored = await storedPhoto(gallery, 1)
    await drive.use('fs').delete((await stored.photo.related('mediaAsset').query().firstOrFail()).key)
    const url = IssueDownloadLink.handle(stored.photo, 'original', { as: 'family', userId: family.id, galleryVisitorId: null })
    const response = await client.get(linkPath(url))
    response.assertStatus(409)
    assert.include(response.text(), 'The studio has been told')
  })

  test('with downloads off the gallery says so and whom to ask', async ({ client, assert }) => {
    const { family, gallery } = await familyGallery({ downloadEnabled: false })
    await storedPhoto(gallery, 1)
    const studio = await StudioSetting.current()
    studio.merge({ name: 'Rockstar Portraits', email: 'desk@rockstar.test' })
    await studio.save()

    const page = await client.get(`/g/${gallery.slug}`).loginAs(family)
    page.assertStatus(200)
    assert.include(page.text(), 'Downloads are turned off for this gallery')
    assert.include(page.text(), 'ask Rockstar Portraits')
    assert.include(page.text(), 'href="mailto:desk@rockstar.test"')
  })
})

test.group('Gallery downloads: ZIPs at once', (group) => {
  // Requests run side by side here: real connections, not one shared transaction.
  group.each.setup(() => truncateAfterEach)
  group.each.setup(() => resetRateLimits())
  group.each.teardown(removeWrittenFiles)

  test('a visitor streams at most 2 ZIPs at once: a 3rd gets a clear 429, and a slot frees when one ends', async ({ client, assert }) => {
    const { gallery } = await familyGallery()
    await storedPhoto(gallery, 1)
    const { cookie } = await visitorOf(gallery)
    const other = await visitorOf(gallery, 'uncle@example.com')

    // Files that trickle in until the test lets them finish: the first two ZIPs stay open.
    const disk = drive.use('fs')
    const realGetStream = disk.getStream.bind(disk)
    const held: PassThrough[] = []
    disk.getStream = async () => {
      const file = new PassThrough()
      file.write(Buffer.alloc(1024, 7))
      held.push(file)
      return file
    }
    // Promise.resolve sends the request now (a Japa request goes out when awaited).
    const zip = (visitor = cookie) =>
      Promise.resolve(client.get(`/g/${gallery.slug}/archive`).qs({ set: 'all', variant: 'web' }).withEncryptedCookie(...visitor))
    const opened = async (count: number) => {
      for (let wait = 0; held.length < count; wait++) {
        if (wait > 500) throw new Error(`only ${held.length} of ${count} ZIPs started`)
        await setTimeout(10)
      }
    }
    try {
      const running = [zip(), zip()]
      await opened(2)

      const third = await Promise.race([zip(), setTimeout(3000).then(() => null)])
      if (!third) throw new Error('a third ZIP was streamed instead of refused')
      third.assertStatus(429)
      third.assertTextIncludes('You already have 2 downloads of photos running. Wait for one to finish, then try again.')
      assert.equal(third.header('retry-after'), '30')
      // Someone else's downloads are theirs to count.
      const uncles = zip(other.cookie)
      await opened(3)

      for (const file of held) file.end()
      for (const response of [...(await Promise.all(running)), await uncles]) response.assertStatus(200)
      disk.getStream = realGetStream
      ;(await zip()).assertStatus(200)
    } finally {
      disk.getStream = realGetStream
      for (const file of held) file.end()
    }
  }).timeout(20_000)
})
