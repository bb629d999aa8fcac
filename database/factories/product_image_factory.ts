import factory from '@adonisjs/lucid/factories'
import ProductImage from '#models/product_image'
import { MediaAssetFactory } from '#database/factories/media_asset_factory'
import { ProductFactory } from '#database/factories/product_factory'
import { ensureParent } from '#database/factories/support/parent'

export const ProductImageFactory = factory
  .define(ProductImage, () => ({ position: 0, isPrimary: false }))
  .before('create', async (builder, model, ctx) => {
    model.productId = (await ensureParent(builder, 'product', model.productId, () =>
      ProductFactory.query().useCtx(ctx).create()
    ))!
    model.mediaAssetId = (await ensureParent(builder, 'mediaAsset', model.mediaAssetId, () =>
      MediaAssetFactory.query().useCtx(ctx).create()
    ))!
  })
  .state('primary', (image) => (image.isPrimary = true))
  .relation('product', () => ProductFactory)
  .relation('mediaAsset', () => MediaAssetFactory)
  .build()
