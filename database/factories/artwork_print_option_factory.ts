import factory from '@adonisjs/lucid/factories'
import ArtworkPrintOption from '#models/artwork_print_option'
import { ArtworkFactory } from '#database/factories/artwork_factory'
import { ProductVariantFactory } from '#database/factories/product_variant_factory'
import { ensureParent } from '#database/factories/support/parent'

export const ArtworkPrintOptionFactory = factory
  .define(ArtworkPrintOption, () => ({ priceOverride: null, available: true }))
  .before('create', async (builder, model, ctx) => {
    model.artworkId = (await ensureParent(builder, 'artwork', model.artworkId, () =>
      ArtworkFactory.query().useCtx(ctx).create()
    ))!
    model.productVariantId = (await ensureParent(builder, 'productVariant', model.productVariantId, () =>
      ProductVariantFactory.query().useCtx(ctx).create()
    ))!
  })
  .state('unavailable', (option) => (option.available = false))
  .state('overridden', (option) => (option.priceOverride = 12_500))
  .relation('artwork', () => ArtworkFactory)
  .relation('productVariant', () => ProductVariantFactory)
  .build()
