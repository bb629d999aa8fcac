import vine from '@vinejs/vine'
import { ARTWORK_STATUSES } from '#models/artwork'
import { withMessages } from '#validators/rules/messages'
import { existsIn } from '#validators/rules/unique_in'
import { optionalSlug } from '#validators/rules/slug'

/** An artwork's fields; the picture is optional on edit (the current one stays). */
export const artworkValidator = vine.withMetaData<{ id?: string }>().compile(
  vine.object({
    title: vine.string().trim().minLength(2).maxLength(255),
    slug: optionalSlug('artworks', 'artwork'),
    description: vine.string().trim().maxLength(5000).optional(),
    categoryId: vine
      .string()
      .uuid()
      .use(existsIn({ table: 'categories', where: { kind: 'portfolio' }, message: 'Choose a portfolio category' }))
      .optional(),
    photographerId: vine
      .string()
      .uuid()
      .use(existsIn({ table: 'users', where: { role: 'photographer' }, message: 'Choose a photographer' }))
      .optional(),
    camera: vine.string().trim().maxLength(100).optional(),
    filmStock: vine.string().trim().maxLength(100).optional(),
    location: vine.string().trim().maxLength(255).optional(),
    capturedOn: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
    featured: vine.boolean().optional(),
    status: vine.enum(['draft', 'published'] as const),
    sortOrder: vine.number().withoutDecimals().min(0).max(100_000),
    image: vine.file({ size: '80mb' }).optional(),
  })
)
artworkValidator.messagesProvider = withMessages({
  'title.required': 'Enter a title',
  'title.minLength': 'Enter a title of at least 2 characters',
  'capturedOn.date': 'Enter a date like 2026-05-31',
  'sortOrder.required': 'Enter a position',
  'number': 'Enter a number',
  'withoutDecimals': 'Enter a whole number',
})
export type ArtworkInput = Awaited<ReturnType<typeof artworkValidator.validate>>

/** The prints an artwork is sold as: one row per print variant, offered or not, with an optional price of its own. */
export const artworkPrintOptionsValidator = vine.compile(
  vine.object({
    options: vine
      .array(
        vine.object({
          variantId: vine.string().uuid(),
          offered: vine.boolean().optional(),
          priceOverride: vine.number().min(0).max(100_000).decimal([0, 2]).optional(),
        })
      )
      .maxLength(500),
  })
)
artworkPrintOptionsValidator.messagesProvider = withMessages({
  'options.*.priceOverride.decimal': 'Enter dollars and cents, like 95 or 95.50',
  'options.*.priceOverride.min': 'A price cannot be negative',
  'number': 'Enter a price in dollars',
})
export type ArtworkPrintOptionsInput = Awaited<ReturnType<typeof artworkPrintOptionsValidator.validate>>

/** The admin list's filters (query string). */
export const artworkSearchValidator = vine.compile(
  vine.object({
    category: vine.string().uuid().optional(),
    status: vine.enum(ARTWORK_STATUSES).optional(),
    featured: vine.boolean().optional(),
  })
)
