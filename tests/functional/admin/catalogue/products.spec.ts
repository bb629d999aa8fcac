import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Product from '#models/product'
import ProductVariant from '#models/product_variant'
import CartItem from '#models/cart_item'
import { UserFactory } from '#database/factories/user_factory'
import { ArtworkPrintOptionFactory } from '#database/factories/artwork_print_option_factory'
import { artworkForSale } from '#tests/support/shop'
import { addToGuestCart } from '#tests/support/checkout'

/** Field names as the browser sends them (variants[0][sku]), for .form(); .json() takes the nested object. */
const asFormFields = (body: Record<string, any>) => {
  const fields: Record<string, string> = {}
  for (const [key, value] of Object.entries(body)) {
    if (key !== 'variants') fields[key] = value
    else value.forEach((row: Record<string, string>, i: number) => Object.entries(row).forEach(([k, v]) => (fields[`variants[${i}][${k}]`] = v)))
  }
  return fields
}

const body = (overrides: Record<string, unknown> = {}) => ({
  name: 'Metal print',
  slug: 'metal-print',
  category: 'metal',
  description: 'Dye-sublimated on aluminium.',
  providerProductId: 'pf-123',
  active: 'true',
  variants: [
    { name: '12x18 metal, gloss', sku: 'met-12x18', size: '12x18', material: 'aluminium', price: '120.00', stock: '', provider: 'printful', providerVariantId: 'pf-v-1', active: 'true' },
    { name: '16x24 metal, gloss', sku: 'MET-16X24', size: '16x24', material: 'aluminium', price: '180.50', stock: '3', provider: 'in_house', active: 'true' },
    { name: '', sku: '', price: '', provider: 'in_house' },
  ],
  ...overrides,
})

test.group('Admin catalogue: products and variants', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an admin creates a product with two variants; the list finds it by search and kind', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const created = await client.post('/admin/products').loginAs(admin).withCsrfToken().form(asFormFields(body())).redirects(0)
    created.assertStatus(303)
    const product = await Product.query().where('slug', 'metal-print').preload('variants', (q) => q.orderBy('sort_order')).firstOrFail()
    assert.deepInclude(product.serialize(), { category: 'metal', active: true, basePrice: 12_000, printfulProductId: 'pf-123' })
    assert.deepEqual(product.variants.map((v) => [v.sku, v.price, v.stock, v.printfulVariantId]), [['met-12x18', 12_000, null, 'pf-v-1'], ['MET-16X24', 18_050, 3, null]])

    const list = await client.get('/admin/products').qs({ q: 'metal', kind: 'metal' }).loginAs(admin)
    list.assertTextIncludes('Metal print')
    list.assertTextIncludes('$120.00')
    assert.notInclude((await client.get('/admin/products').qs({ kind: 'apparel' }).loginAs(admin)).text(), 'Metal print')
    ;(await client.get(`/admin/products/${product.id}/edit`).loginAs(admin)).assertTextIncludes('MET-16X24')
  })

  test('bad input is refused on the form and as JSON 422, writing nothing; only admins manage products', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { small } = await artworkForSale()
    const page = await client.post('/admin/products').loginAs(admin).withCsrfToken()
      .form(asFormFields(body({ variants: [{ name: 'Gloss', sku: 'X1', price: '10', provider: 'gooten' }] }))).redirects(0)
    page.assertValidationError('variants.0.providerVariantId', `Give the provider's variant id`)
    const taken = await client.post('/admin/products').header('accept', 'application/json').loginAs(admin).withCsrfToken()
      .json(body({ variants: [{ name: 'Gloss', sku: small.sku, price: 10, provider: 'in_house' }] }))
    taken.assertStatus(422)
    taken.assertBodyContains({ errors: [{ field: 'variants.0.sku', message: 'Another variant has this SKU' }] })
    const none = await client.post('/admin/products').header('accept', 'application/json').loginAs(admin).withCsrfToken().json(body({ variants: [] }))
    none.assertStatus(422)
    assert.isNull(await Product.findBy('slug', 'metal-print'))

    const staff = await UserFactory.apply('staff').create()
    ;(await client.get('/admin/products').loginAs(staff)).assertStatus(403)
    ;(await client.post('/admin/products').loginAs(staff).withCsrfToken().form(asFormFields(body())).redirects(0)).assertStatus(403)
    assert.isNull(await Product.findBy('slug', 'metal-print'))
  })

  test('a variant made in admin sells at its price; taken off the form it is archived and leaves the shop', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { artwork } = await artworkForSale()
    await client.post('/admin/products').loginAs(admin).withCsrfToken().form(asFormFields(body())).redirects(0)
    const product = await Product.query().where('slug', 'metal-print').preload('variants', (q) => q.orderBy('sort_order')).firstOrFail()
    const [first, second] = product.variants
    const firstOption = await ArtworkPrintOptionFactory.merge({ artworkId: artwork.id, productVariantId: first.id, priceOverride: null }).create()
    const secondOption = await ArtworkPrintOptionFactory.merge({ artworkId: artwork.id, productVariantId: second.id, priceOverride: null }).create()

    const { token } = await addToGuestCart(client, firstOption.id, 1)
    const cart = await client.get('/cart').withEncryptedCookie('cart', token!)
    cart.assertTextIncludes('12x18 metal, gloss')
    cart.assertTextIncludes('$120.00')

    const keepFirst = asFormFields(body({ variants: [{ id: first.id, name: first.name, sku: first.sku, price: '120.00', provider: 'printful', providerVariantId: 'pf-v-1', active: 'true' }] }))
    ;(await client.put(`/admin/products/${product.id}`).loginAs(admin).withCsrfToken().form(keepFirst).redirects(0)).assertStatus(303)
    await second.refresh()
    assert.isFalse(second.active)
    assert.isNotNull(await ProductVariant.find(second.id))

    await addToGuestCart(client, secondOption.id, 1, token)
    assert.lengthOf(await CartItem.query().where('product_variant_id', second.id), 0)
    assert.lengthOf(await CartItem.query().where('product_variant_id', first.id), 1)
  })
})
