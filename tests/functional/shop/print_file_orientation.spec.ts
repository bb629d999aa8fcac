import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import drive from '@adonisjs/drive/services/main'
import { randomUUID } from 'node:crypto'
import sharp from 'sharp'
import { printFileUrl } from '#actions/shop/send_item_to_lab'
import { MediaAssetFactory } from '#database/factories/media_asset_factory'
import { OrderFactory } from '#database/factories/order_factory'
import { OrderItemFactory } from '#database/factories/order_item_factory'
import { PhotoFactory } from '#database/factories/photo_factory'
import { ProductVariantFactory } from '#database/factories/product_variant_factory'
import { gradientJpeg } from '#tests/support/images'

test.group('Shop: print files of phone shots', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a portrait phone shot (EXIF orientation 6) prints upright, cropped to the 8x10 frame', async ({ client, assert, cleanup }) => {
    // Stored 600×400 with orientation 6: upright it is a 400×600 portrait, red on top, blue below.
    const id = randomUUID()
    const key = `media/${id}/original.jpg`
    await drive.use().put(key, await gradientJpeg(600, 400, { orientation: 6 }))
    cleanup(() => drive.use().delete(key))
    const asset = await MediaAssetFactory.merge({ id, key, width: 400, height: 600 }).create()
    const photo = await PhotoFactory.merge({ mediaAssetId: asset.id }).create()
    const variant = await ProductVariantFactory.merge({ name: '8x10 lustre', size: '8x10' }).create()
    const order = await OrderFactory.apply('paid').create()
    const item = await OrderItemFactory.merge({ orderId: order.id, productVariantId: variant.id, photoId: photo.id }).create()

    const url = new URL(printFileUrl(item))
    const file = await client.get(url.pathname + url.search)
    file.assertStatus(200)
    file.assertHeader('content-type', 'image/jpeg')

    const { data, info } = await sharp(file.body()).raw().toBuffer({ resolveWithObject: true })
    // The whole 400 px width, 500 px of the height: 8x10 upright.
    assert.deepEqual([info.width, info.height], [400, 500])
    const red = (y: number) => data[(y * info.width + 200) * info.channels] > 150
    assert.isTrue(red(20), 'the top of the print is the top of the picture')
    assert.isFalse(red(info.height - 20), 'the bottom of the print is the bottom of the picture')
  })
})
