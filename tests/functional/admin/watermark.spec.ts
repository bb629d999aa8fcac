import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import sharp from 'sharp'
import drive from '@adonisjs/drive/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import Gallery from '#models/gallery'
import Job from '#models/job'
import MediaAsset from '#models/media_asset'
import StudioSetting from '#models/studio_setting'
import { GalleryFactory } from '#database/factories/gallery_factory'
import { MediaAssetFactory } from '#database/factories/media_asset_factory'
import { PhotoFactory } from '#database/factories/photo_factory'
import { UserFactory } from '#database/factories/user_factory'
import { JobWorker } from '#services/jobs/worker'
import { gradientJpeg } from '#tests/support/images'
import { createVisitor } from '#tests/support/family_gallery'

const written: string[] = []

/** A ready photo whose original and clean preview are on the test disk, marked with version 1. */
async function markedPhoto(gallery: Gallery) {
  const id = randomUUID()
  const folder = `media/${id}`
  written.push(folder)
  const original = await gradientJpeg(900, 600)
  const preview = await sharp(original).webp().toBuffer()
  await drive.use('fs').put(`${folder}/original.jpg`, original)
  await drive.use('fs').put(`${folder}/preview.webp`, preview)
  await drive.use('fs').put(`${folder}/watermarked.webp`, preview)
  const asset = await MediaAssetFactory.merge({
    id,
    variants: { thumb: `${folder}/thumb.webp`, preview: `${folder}/preview.webp`, watermarked: `${folder}/watermarked.webp` },
    watermarkVersion: 1,
  }).create()
  await PhotoFactory.merge({ galleryId: gallery.id, mediaAssetId: asset.id }).create()
  return asset
}

const FORM = { text: 'ROCK STUDIO', opacity: '40', size: '10', placement: 'tiled', angle: '20' }

test.group('Admin: the studio watermark', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(async () => {
    for (const folder of written.splice(0)) await drive.use('fs').deleteAll(folder)
  })

  test('a change is saved and re-made for every watermarked gallery by a job, with progress', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const marked = await GalleryFactory.apply('published').merge({ watermarkEnabled: true }).create()
    const plain = await GalleryFactory.apply('published').merge({ watermarkEnabled: false }).create()
    const assets = [await markedPhoto(marked), await markedPhoto(marked)]
    await markedPhoto(plain)
    const before = await drive.use('fs').getBytes(assets[0].variants!.watermarked!)
    const photosVersion = (await Gallery.findOrFail(marked.id)).photosVersion
    const { cookie } = await createVisitor(marked, 'aunt@example.com')
    const mediaUrls = async () => {
      const page = await client.get(`/g/${marked.slug}`).withEncryptedCookie(...cookie)
      page.assertStatus(200)
      return (page.text().match(/\/media\/[^"]+/g) ?? []).sort()
    }
    const urlsBefore = await mediaUrls()
    assert.isNotEmpty(urlsBefore)

    const response = await client.put('/admin/watermark').loginAs(admin).withCsrfToken().form(FORM).redirects(0)
    response.assertStatus(303)
    response.assertFlashMessage('success', 'The watermark is saved: re-making it for 1 watermarked gallery.')
    const settings = await StudioSetting.current()
    assert.equal(settings.watermarkText, 'ROCK STUDIO')
    assert.equal(settings.watermarkOpacity, 40)
    assert.equal(settings.watermarkVersion, 2)
    const jobs = await Job.query().where('name', 'galleries.remake_watermarks')
    assert.lengthOf(jobs, 1)
    assert.deepEqual(jobs[0].payload, { galleryId: marked.id, version: 2 })

    const waiting = await client.get('/admin/watermark').header('hx-request', 'true').loginAs(admin)
    waiting.assertTextIncludes('Re-making the watermark: 0 of 2 photos done.')

    assert.equal(await new JobWorker().drain(), 1)
    for (const asset of assets) {
      const fresh = await MediaAsset.findOrFail(asset.id)
      written.push(`media/${asset.id}`)
      assert.equal(fresh.watermarkVersion, 2)
      assert.match(fresh.variants!.watermarked!, /watermarked\.v2\.webp$/, 'a new name: browsers fetch the new mark')
      assert.isTrue(await drive.use('fs').exists(fresh.variants!.watermarkedThumb!))
      assert.isFalse(await drive.use('fs').exists(asset.variants!.watermarked!), 'the old mark is gone')
    }
    const after = await drive.use('fs').getBytes((await MediaAsset.findOrFail(assets[0].id)).variants!.watermarked!)
    assert.notDeepEqual(Buffer.from(after), Buffer.from(before))
    assert.isAbove(Number((await Gallery.findOrFail(marked.id)).photosVersion), Number(photosVersion), 'the grid shows the new files')
    const urlsAfter = await mediaUrls()
    assert.lengthOf(urlsAfter, urlsBefore.length)
    for (const url of urlsAfter) assert.notInclude(urlsBefore, url, 'new addresses: no browser keeps showing the old mark from its cache')

    const page = await client.get('/admin/watermark').loginAs(admin)
    page.assertStatus(200)
    page.assertTextIncludes('All 2 photos of watermarked galleries carry this watermark.')
  })

  test("turning a gallery's watermark on re-makes marks older than the studio's", async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const gallery = await GalleryFactory.merge({ watermarkEnabled: false, name: 'Late mark' }).create()
    const asset = await markedPhoto(gallery)
    await client.put('/admin/watermark').loginAs(admin).withCsrfToken().form(FORM).redirects(0)
    assert.lengthOf(await Job.query().where('name', 'galleries.remake_watermarks'), 0, 'no watermarked gallery yet')

    const turnedOn = await client
      .put(`/admin/galleries/${gallery.id}`)
      .form({ name: 'Late mark', accessCode: gallery.accessCode, slug: gallery.slug, downloadEnabled: 'true', watermarkEnabled: 'true' })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    assert.isUndefined(turnedOn.flashMessages().inputErrorsBag)
    turnedOn.assertStatus(303)
    assert.equal(await new JobWorker().drain(), 1)
    assert.equal((await MediaAsset.findOrFail(asset.id)).watermarkVersion, 2)
  })

  test('saving the same watermark again re-makes nothing', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    await client.put('/admin/watermark').loginAs(admin).withCsrfToken().form(FORM).redirects(0)
    await Job.query().delete()
    const again = await client.put('/admin/watermark').loginAs(admin).withCsrfToken().form(FORM).redirects(0)
    again.assertFlashMessage('success', 'The watermark is saved.')
    assert.equal((await StudioSetting.current()).watermarkVersion, 2)
    assert.lengthOf(await Job.query().where('name', 'galleries.remake_watermarks'), 0)
  })

  test('a PNG logo is stored and used; a file that only claims to be PNG is refused beside its field', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const logo = await sharp({ create: { width: 40, height: 20, channels: 4, background: '#ff000080' } }).png().toBuffer()
    const saved = await client.put('/admin/watermark').loginAs(admin).withCsrfToken().fields(FORM).file('logo', logo, { filename: 'logo.png' }).redirects(0)
    saved.assertStatus(303)
    const settings = await StudioSetting.current()
    assert.match(settings.watermarkLogoKey!, /^studio\/watermark\/.+\.png$/)
    written.push(settings.watermarkLogoKey!)

    const fake = await client.put('/admin/watermark').loginAs(admin).withCsrfToken().fields({ ...FORM, opacity: '60' }).file('logo', Buffer.from('GIF89a nope'), { filename: 'logo.png' }).redirects(0)
    fake.assertStatus(302)
    assert.deepEqual(fake.flashMessages().inputErrorsBag, { logo: ['Upload the logo as a PNG file'] })
    assert.equal((await StudioSetting.current()).watermarkOpacity, 40, 'nothing saved')
  })

  test('out-of-range values are refused and nothing changes', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const response = await client.put('/admin/watermark').loginAs(admin).withCsrfToken().form({ ...FORM, opacity: '0', placement: 'everywhere' }).redirects(0)
    response.assertStatus(302)
    const errors = response.flashMessages().inputErrorsBag
    assert.properties(errors, ['opacity', 'placement'])
    assert.equal((await StudioSetting.current()).watermarkVersion, 1)
  })

  test('the live preview marks a sample photo with the form\'s values: other values, another image', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const preview = async (qs: Record<string, string>) => {
      const response = await client.get('/admin/watermark/preview').qs(qs).loginAs(admin)
      response.assertStatus(200)
      response.assertHeader('content-type', 'image/webp')
      const bytes = Buffer.from(response.response.body as Buffer)
      assert.equal((await sharp(bytes).metadata()).format, 'webp')
      return bytes
    }
    const tiled = await preview(FORM)
    const corner = await preview({ ...FORM, placement: 'bottom_right' })
    const fainter = await preview({ ...FORM, opacity: '10' })
    assert.notDeepEqual(tiled, corner)
    assert.notDeepEqual(tiled, fainter)
    assert.deepEqual(await preview(FORM), tiled, 'same settings, same image')

    const fragment = await client.get('/admin/watermark/preview').qs({ ...FORM, opacity: '10' }).header('hx-request', 'true').loginAs(admin)
    fragment.assertStatus(200)
    fragment.assertTextIncludes('id="watermark-preview"')
    assert.match(fragment.text(), /<img src="\/admin\/watermark\/preview\?[^"]*opacity=10/)

    const page = await client.get('/admin/watermark').loginAs(admin)
    page.assertTextIncludes('hx-get="/admin/watermark/preview"')
    assert.match(page.text(), /<img src="\/admin\/watermark\/preview\?[^"]*placement=tiled/)
  })

  test('the preview refuses values the form would refuse, and photographers', async ({ client }) => {
    const admin = await UserFactory.apply('admin').create()
    const bad = await client.get('/admin/watermark/preview').qs({ ...FORM, opacity: '0' }).loginAs(admin)
    bad.assertStatus(422)
    const waiting = await client.get('/admin/watermark/preview').qs({ ...FORM, opacity: '0' }).header('hx-request', 'true').loginAs(admin)
    waiting.assertTextIncludes('The preview waits for values the form accepts.')
    const photographer = await UserFactory.merge({ role: 'photographer' }).create()
    ;(await client.get('/admin/watermark/preview').qs(FORM).loginAs(photographer)).assertStatus(403)
  })

  test('only admins manage the watermark', async ({ client }) => {
    const photographer = await UserFactory.merge({ role: 'photographer' }).create()
    const response = await client.put('/admin/watermark').loginAs(photographer).withCsrfToken().form(FORM).redirects(0)
    response.assertStatus(403)
    const page = await client.get('/admin/watermark').loginAs(photographer)
    page.assertStatus(403)
  })
})
