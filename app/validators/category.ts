import vine from '@vinejs/vine'
import { CATEGORY_KINDS } from '#models/category'
import { withMessages } from '#validators/rules/messages'
import { existsIn } from '#validators/rules/unique_in'
import { optionalSlug } from '#validators/rules/slug'

/** A category; `parentId` nests it (the action refuses a loop). */
export const categoryValidator = vine.withMetaData<{ id?: string }>().compile(
  vine.object({
    name: vine.string().trim().minLength(2).maxLength(100),
    slug: optionalSlug('categories', 'category'),
    kind: vine.enum(CATEGORY_KINDS),
    parentId: vine.string().uuid().use(existsIn({ table: 'categories', message: 'Choose a parent category' })).optional(),
    description: vine.string().trim().maxLength(2000).optional(),
    sortOrder: vine.number().withoutDecimals().min(0).max(10_000),
  })
)
categoryValidator.messagesProvider = withMessages({
  'name.required': 'Enter a name',
  'kind.required': 'Choose portfolio or shop',
  'number': 'Enter a number',
  'withoutDecimals': 'Enter a whole number',
})
export type CategoryInput = Awaited<ReturnType<typeof categoryValidator.validate>>
