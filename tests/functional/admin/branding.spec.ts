import { test } from '@japa/runner'
import sharp from 'sharp'
import drive from '@adonisjs/drive/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import Job from '#models/job'
import MediaAsset from '#models/media_asset'
import StudioSetting from '#models/studio_setting'
import { GalleryFactory } from '#database/factories/gallery_factory'
import { UserFactory } from '#database/factories/user_factory'
import { forgetStudioBranding } from '#services/studio/branding'
import { createVisitor } from '#tests/support/family_gallery'

const FORM = { brandColor: '#2F5D50', headerColor: '#f4efe6' }
const written: string[] = []

test.group('Admin: the studio branding', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.teardown(async () => {
    forgetStudioBranding()
    for (const key of written.splice(0)) await drive.use('fs').deleteAll(key)
  })

  test('an admin saves colours and a logo, and the gallery page wears them', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const logo = await sharp({ create: { width: 120, height: 40, channels: 4, background: '#2f5d5080' } }).png().toBuffer()
    const response = await client.put('/admin/branding').loginAs(admin).withCsrfToken().fields(FORM).file('logo', logo, { filename: 'logo.png' }).redirects(0)
    response.assertStatus(303)
    response.assertFlashMessage('success', 'The branding is saved: gallery pages wear it now.')

    const settings = await StudioSetting.current()
    assert.equal(settings.brandColor, '#2f5d50')
    assert.equal(settings.headerColor, '#f4efe6')
    assert.equal(settings.logoUrl, `/studio-logo/${settings.logoMediaAssetId}`)
    const asset = await MediaAsset.findOrFail(settings.logoMediaAssetId!)
    written.push(`media/${asset.id}`)
    assert.lengthOf(await Job.query().where('name', 'media.process'), 1)

    const served = await client.get(settings.logoUrl!)
    served.assertStatus(200)
    served.assertHeader('content-type', 'image/png')

    const gallery = await GalleryFactory.apply('published').create()
    const { cookie } = await createVisitor(gallery)
    const page = await client.get(`/g/${gallery.slug}`).withEncryptedCookie(...cookie)
    page.assertStatus(200)
    page.assertTextIncludes('--color-brand:#2f5d50')
    page.assertTextIncludes('--color-header:#f4efe6')
    page.assertTextIncludes(`src="${settings.logoUrl}"`)

    const form = await client.get('/admin/branding').loginAs(admin)
    form.assertStatus(200)
    form.assertTextIncludes('value="#2f5d50"')
  })

  test('removing the logo shows the name again, and the old logo URL stops answering', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const logo = await sharp({ create: { width: 60, height: 20, channels: 3, background: '#336699' } }).jpeg().toBuffer()
    await client.put('/admin/branding').loginAs(admin).withCsrfToken().fields(FORM).file('logo', logo, { filename: 'logo.jpg' }).redirects(0)
    const before = await StudioSetting.current()
    written.push(`media/${before.logoMediaAssetId}`)

    const response = await client.put('/admin/branding').loginAs(admin).withCsrfToken().form({ brandColor: '', headerColor: '', removeLogo: 'on' }).redirects(0)
    response.assertStatus(303)
    const after = await StudioSetting.current()
    assert.isNull(after.logoUrl)
    assert.isNull(after.brandColor)
    assert.isNull(after.headerColor)
    ;(await client.get(before.logoUrl!)).assertStatus(404)

    const gallery = await GalleryFactory.apply('published').create()
    const { cookie } = await createVisitor(gallery)
    const page = await client.get(`/g/${gallery.slug}`).withEncryptedCookie(...cookie)
    assert.notInclude(page.text(), '--color-brand:')
    assert.notInclude(page.text(), 'studio-bar__logo')
  })

  test('a colour that is not #rrggbb is refused beside its field and nothing changes', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const response = await client.put('/admin/branding').loginAs(admin).withCsrfToken().form({ brandColor: 'green', headerColor: '#fff' }).redirects(0)
    response.assertStatus(302)
    assert.deepEqual(response.flashMessages().inputErrorsBag, {
      brandColor: ['Enter a colour as #rrggbb, e.g. #2f5d50'],
      headerColor: ['Enter a colour as #rrggbb, e.g. #2f5d50'],
    })
    const settings = await StudioSetting.current()
    assert.isNull(settings.brandColor)
    assert.isNull(settings.headerColor)
  })

  test('a damaged or pretend image is refused beside its field with the reason, and writes nothing', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const pretend = await client.put('/admin/branding').loginAs(admin).withCsrfToken().fields(FORM).file('logo', Buffer.from('not a picture at all'), { filename: 'logo.png' }).redirects(0)
    assert.deepEqual(pretend.flashMessages().inputErrorsBag, { logo: ['Upload the logo as a PNG, JPEG or WebP file'] })

    const png = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#336699' } }).png({ compressionLevel: 0 }).toBuffer()
    const response = await client.put('/admin/branding').loginAs(admin).withCsrfToken().fields(FORM).file('logo', png.subarray(0, 2000), { filename: 'logo.png' }).redirects(0)
    response.assertStatus(303)
    assert.deepEqual(response.flashMessages().inputErrorsBag, { logo: ['This image is damaged or incomplete. Export it again and retry.'] })
    const settings = await StudioSetting.current()
    assert.isNull(settings.logoUrl)
    assert.isNull(settings.brandColor)
    assert.lengthOf(await MediaAsset.all(), 0)
  })

  test('staff, photographers and customers cannot see or change the branding', async ({ client, assert }) => {
    for (const role of ['staff', 'photographer', 'customer'] as const) {
      const user = await UserFactory.apply(role).create()
      const page = await client.get('/admin/branding').loginAs(user).redirects(0)
      page.assertStatus(403)
      const response = await client.put('/admin/branding').loginAs(user).withCsrfToken().form(FORM).redirects(0)
      response.assertStatus(403)
    }
    assert.isNull((await StudioSetting.current()).brandColor)
  })
})
