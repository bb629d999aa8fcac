import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import ArtworkPrintOption from '#models/artwork_print_option'
import { ArtworkPrintOptionFactory } from '#database/factories/artwork_print_option_factory'
import { assertViolates } from '#tests/support/violations'

test.group('Artwork print option', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  const build = () => ArtworkPrintOptionFactory.with('artwork').with('productVariant', 1, (v) => v.with('product'))

  test('the factory creates an option that reloads with its artwork and variant', async ({ assert }) => {
    const option = await build().apply('overridden').create()
    const reloaded = await ArtworkPrintOption.query()
      .where('id', option.id)
      .preload('artwork')
      .preload('productVariant')
      .firstOrFail()
    assert.equal(reloaded.artwork.id, option.artworkId)
    assert.equal(reloaded.price, 12_500)
  })

  test('the available scope hides unavailable sizes', async ({ assert }) => {
    const available = await build().create()
    await build().apply('unavailable').create()
    const ids = (await ArtworkPrintOption.query().withScopes((s) => s.available())).map((o) => o.id)
    assert.deepEqual(ids, [available.id])
  })

  test('deleting the artwork deletes its print options', async ({ assert }) => {
    const option = await build().create()
    await (await option.related('artwork').query().firstOrFail()).delete()
    assert.isNull(await ArtworkPrintOption.find(option.id))
  })

  test('an artwork offers each variant once', async () => {
    const option = await build().create()
    await assertViolates(
      () => ArtworkPrintOption.create({ artworkId: option.artworkId, productVariantId: option.productVariantId }),
      'unique'
    )
  })

  test('the price override cannot be negative', async () => {
    await assertViolates(() => build().merge({ priceOverride: -5 }).create(), 'check')
  })
})
