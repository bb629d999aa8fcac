import vine from '@vinejs/vine'
import type { Infer } from '@vinejs/vine/types'

/** A product image's alt text (empty clears it), place (1 = first) and "make primary". */
export const productImageValidator = vine.compile(
  vine.object({
    altText: vine.string().trim().maxLength(255).nullable(),
    position: vine.number().withoutDecimals().min(1).max(1000),
    primary: vine.boolean().optional(),
  })
)

export type ProductImageInput = Infer<typeof productImageValidator>

