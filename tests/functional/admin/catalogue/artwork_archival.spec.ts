import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import drive from '@adonisjs/drive/services/main'
import Artwork from '#models/artwork'
import ArtworkPrintOption from '#models/artwork_print_option'
import MediaAsset from '#models/media_asset'
import StatusChange from '#models/status_change'
import { OrderItemFactory } from '#database/factories/order_item_factory'
import { UserFactory } from '#database/factories/user_factory'
import { artworkForSale } from '#tests/support/shop'

test.group('Admin catalogue: archiving and deleting artworks', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an ordered artwork cannot be deleted; archived, it leaves the site and stays in admin with a Restore', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { artwork, small } = await artworkForSale()
    artwork.featured = true
    await artwork.save()
    await OrderItemFactory.merge({ artworkId: artwork.id, productVariantId: small.id }).with('order').create()
    assert.include((await client.get('/portfolio')).text(), 'Electric Riff')

    const edit = await client.get(`/admin/artworks/${artwork.id}/edit`).loginAs(admin)
    edit.assertTextIncludes('Ordered 1 time: it can be archived, not deleted.')
    assert.notInclude(edit.text(), 'Delete artwork')
    const refused = await client.delete(`/admin/artworks/${artwork.id}`).loginAs(admin).withCsrfToken().redirects(0)
    refused.assertStatus(303)
    refused.assertFlashMessage('error', '“Electric Riff” was ordered: archive it instead, its orders still name it.')
    assert.isNotNull(await Artwork.find(artwork.id))

    const archived = await client.post(`/admin/artworks/${artwork.id}/archival`).loginAs(admin).withCsrfToken().redirects(0)
    archived.assertStatus(303)
    await artwork.refresh()
    assert.equal(artwork.status, 'archived')
    const change = await StatusChange.query().where('subject_id', artwork.id).where('to_status', 'archived').firstOrFail()
    assert.equal(change.fromStatus, 'published')
    assert.equal(change.actorId, admin.id)

    assert.notInclude((await client.get('/portfolio')).text(), 'Electric Riff')
    assert.notInclude((await client.get('/')).text(), 'Electric Riff')
    assert.notInclude((await client.get('/sitemap.xml')).text(), '/artworks/electric-riff')
    const gone = await client.get('/artworks/electric-riff')
    gone.assertStatus(410)
    gone.assertTextIncludes('This photograph has been retired from the portfolio')
    gone.assertTextIncludes('href="/portfolio"')
    ;(await client.get('/artworks/no-such-artwork')).assertStatus(404)

    const list = await client.get('/admin/artworks').loginAs(admin)
    list.assertTextIncludes('Electric Riff')
    list.assertTextIncludes('Archived')
    const page = await client.get(`/admin/artworks/${artwork.id}/edit`).loginAs(admin)
    page.assertTextIncludes('Restore as a draft')
    // Saving the archived artwork's form corrects fields, it does not bring it back.
    await client.put(`/admin/artworks/${artwork.id}`).loginAs(admin).withCsrfToken().form({ title: 'Electric Riff II', status: 'published', sortOrder: '1' }).redirects(0)
    await artwork.refresh()
    assert.equal(artwork.status, 'archived')

    const restored = await client.delete(`/admin/artworks/${artwork.id}/archival`).loginAs(admin).withCsrfToken().redirects(0)
    restored.assertStatus(303)
    await artwork.refresh()
    assert.equal(artwork.status, 'draft')
    const twice = await client.delete(`/admin/artworks/${artwork.id}/archival`).loginAs(admin).withCsrfToken().redirects(0)
    twice.assertFlashMessage('error', 'This artwork is not archived.')
  })

  test('an artwork never ordered is deleted with its print options and its picture, files included', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { artwork, asset } = await artworkForSale()
    assert.isTrue(await drive.use().exists(`media/${asset.id}/thumb.webp`))

    const edit = await client.get(`/admin/artworks/${artwork.id}/edit`).loginAs(admin)
    edit.assertTextIncludes('Delete artwork')
    edit.assertTextIncludes('Nobody has ordered it.')
    const deleted = await client.delete(`/admin/artworks/${artwork.id}`).loginAs(admin).withCsrfToken().redirects(0)
    deleted.assertStatus(303)
    assert.equal(deleted.header('location'), '/admin/artworks')

    assert.isNull(await Artwork.find(artwork.id))
    assert.lengthOf(await ArtworkPrintOption.query().where('artwork_id', artwork.id), 0)
    assert.isNull(await MediaAsset.find(asset.id))
    assert.isFalse(await drive.use().exists(asset.key))
    assert.isFalse(await drive.use().exists(`media/${asset.id}/thumb.webp`))
    ;(await client.get('/artworks/electric-riff')).assertStatus(404)
  })

  test('only admins archive, restore or delete artworks', async ({ client, assert }) => {
    const { artwork } = await artworkForSale()
    for (const role of ['photographer', 'staff', 'customer'] as const) {
      const user = await UserFactory.merge({ role }).create()
      ;(await client.post(`/admin/artworks/${artwork.id}/archival`).loginAs(user).withCsrfToken()).assertStatus(403)
      ;(await client.delete(`/admin/artworks/${artwork.id}/archival`).loginAs(user).withCsrfToken()).assertStatus(403)
      ;(await client.delete(`/admin/artworks/${artwork.id}`).loginAs(user).withCsrfToken()).assertStatus(403)
    }
    await artwork.refresh()
    assert.equal(artwork.status, 'published')
  })
})
