import db from '@adonisjs/lucid/services/db'
import Product from '#models/product'
import ProductVariant from '#models/product_variant'
import RecordAudit from '#actions/audit/record_audit'
import type { ProductInput } from '#validators/product'
import type { Actor } from '#support/actor'

export type SaveProductResult =
  | { ok: true; product: Product }
  | { ok: false; reason: 'sku_taken' | 'unknown_variant'; field: string; message: string }

/**
 * Creates or updates a product and its variants in one go. Variants left off the form are
 * archived (inactive), never deleted: orders and carts may point at them. Prices are typed in
 * dollars and stored in cents; an empty stock means printed on demand.
 */
export default class SaveProduct {
  static async handle(actor: Actor, input: ProductInput, product: Product = new Product()): Promise<SaveProductResult> {
    const existing = product.$isPersisted ? await ProductVariant.query().where('product_id', product.id) : []
    const refusal = await this.checkVariants(input, existing)
    if (refusal) return refusal

    const creating = !product.$isPersisted
    const cents = (dollars: number) => Math.round(dollars * 100)
    const external = input.variants.find((v) => v.provider !== 'in_house')?.provider
    await db.transaction(async (trx) => {
      product.useTransaction(trx)
      product.merge({
        name: input.name,
        slug: input.slug,
        category: input.category,
        description: input.description || null,
        active: input.active ?? false,
        basePrice: Math.min(...input.variants.map((v) => cents(v.price))),
        printfulProductId: external === 'printful' ? (input.providerProductId ?? null) : null,
        gootenProductId: external === 'gooten' ? (input.providerProductId ?? null) : null,
      })
      await product.save()
      const kept = new Set<string>()
      for (const [index, fields] of input.variants.entries()) {
        const variant = existing.find((v) => v.id === fields.id) ?? new ProductVariant()
        variant.useTransaction(trx)
        variant.merge({
          productId: product.id,
          name: fields.name,
          sku: fields.sku,
          size: fields.size || null,
          material: fields.material || null,
          color: fields.color || null,
          price: cents(fields.price),
          stock: fields.stock ?? null,
          printfulVariantId: fields.provider === 'printful' ? fields.providerVariantId! : null,
          gootenVariantId: fields.provider === 'gooten' ? fields.providerVariantId! : null,
          active: fields.active ?? false,
          sortOrder: index,
        })
        await variant.save()
        kept.add(variant.id)
      }
      for (const gone of existing.filter((v) => !kept.has(v.id) && v.active)) {
        await gone.useTransaction(trx).merge({ active: false }).save()
      }
    })
    await RecordAudit.handle(actor, { action: creating ? 'product.created' : 'product.updated', subject: { type: 'product', id: product.id }, details: { slug: product.slug, variants: input.variants.length } })
    return { ok: true, product }
  }

  /** SKUs are unique across the whole shop; a variant id must belong to this product. */
  private static async checkVariants(input: ProductInput, existing: ProductVariant[]) {
    const seen = new Set<string>()
    for (const [index, variant] of input.variants.entries()) {
      if (variant.id && !existing.some((v) => v.id === variant.id)) {
        return { ok: false, reason: 'unknown_variant', field: `variants.${index}.id`, message: 'This variant belongs to another product' } as const
      }
      const taken = seen.has(variant.sku) || (await ProductVariant.query().where('sku', variant.sku).whereNotIn('id', existing.map((v) => v.id)).first())
      if (taken) return { ok: false, reason: 'sku_taken', field: `variants.${index}.sku`, message: 'Another variant has this SKU' } as const
      seen.add(variant.sku)
    }
    return null
  }
}
