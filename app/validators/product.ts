import vine from '@vinejs/vine'
import { PRODUCT_CATEGORIES } from '#models/product'
import { withMessages } from '#validators/rules/messages'
import { uniqueIn } from '#validators/rules/unique_in'

export const FULFILMENT_PROVIDERS = ['in_house', 'printful', 'gooten'] as const

const variant = vine.object({
  id: vine.string().uuid().optional(),
  name: vine.string().trim().minLength(1).maxLength(255),
  sku: vine.string().trim().regex(/^[A-Za-z0-9_.-]{2,100}$/),
  size: vine.string().trim().maxLength(50).optional(),
  material: vine.string().trim().maxLength(50).optional(),
  color: vine.string().trim().maxLength(50).optional(),
  price: vine.number().min(0).max(100_000).decimal([0, 2]),
  /** Empty means printed on demand. */
  stock: vine.number().withoutDecimals().min(0).optional(),
  provider: vine.enum(FULFILMENT_PROVIDERS),
  providerVariantId: vine.string().trim().maxLength(100).optional().requiredWhen('provider', 'in', ['printful', 'gooten']),
  active: vine.boolean().optional(),
})

/** A product with its variants edited inline; prices typed in dollars. */
export const productValidator = vine.withMetaData<{ id?: string }>().compile(
  vine.object({
    name: vine.string().trim().minLength(2).maxLength(255),
    slug: vine.string().trim().toLowerCase().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).maxLength(255).use(uniqueIn({ table: 'products', column: 'slug', message: 'Another product has this slug' })),
    category: vine.enum(PRODUCT_CATEGORIES),
    description: vine.string().trim().maxLength(5000).optional(),
    providerProductId: vine.string().trim().maxLength(100).optional(),
    active: vine.boolean().optional(),
    variants: vine.array(variant).minLength(1),
  })
)
productValidator.messagesProvider = withMessages({
  'slug.regex': 'Use lower-case letters, digits and dashes',
  'variants.minLength': 'Add at least one variant',
  'variants.*.sku.regex': 'Use 2 to 100 letters, digits, -, _ or .',
  'variants.*.providerVariantId.requiredWhen': "Give the provider's variant id",
  'variants.*.providerVariantId.required': "Give the provider's variant id",
  'variants.*.name.required': 'Name the variant',
  'variants.*.price.required': 'Enter a price',
  'number': 'Enter a number',
})
export type ProductInput = Awaited<ReturnType<typeof productValidator.validate>>

/** The form carries spare empty variant rows; drop them before validating. */
export function dropBlankVariants(body: Record<string, unknown>) {
  const rows = Array.isArray(body.variants) ? body.variants : Object.values((body.variants as object) ?? {})
  body.variants = rows.filter((row: Record<string, unknown>) => row && [row.name, row.sku, row.price].some((v) => v !== undefined && v !== null && String(v).trim() !== ''))
  return body
}
