import vine from '@vinejs/vine'
import { PAGE_STATUSES } from '#models/page'
import { withMessages } from '#validators/rules/messages'
import { optionalSlug } from '#validators/rules/slug'

export const pageValidator = vine.withMetaData<{ id?: string }>().compile(
  vine.object({
    title: vine.string().trim().minLength(2).maxLength(255),
    slug: optionalSlug('pages', 'page'),
    body: vine.string().trim().minLength(1).maxLength(100_000),
    status: vine.enum(PAGE_STATUSES),
    seoTitle: vine.string().trim().maxLength(255).optional(),
    seoDescription: vine.string().trim().maxLength(320).optional(),
  })
)
pageValidator.messagesProvider = withMessages({
  'title.required': 'Enter a title',
  'body.required': 'Write the page',
})
export type PageInput = Awaited<ReturnType<typeof pageValidator.validate>>

/** The editor's live preview: whatever is typed so far. */
export const pagePreviewValidator = vine.compile(vine.object({ body: vine.string().maxLength(100_000).optional() }))
