import vine from '@vinejs/vine'
import { withMessages } from '#validators/rules/messages'

const HEX = /^#[0-9a-fA-F]{6}$/

const messages = withMessages({
  'regex': 'Enter a colour as #rrggbb, e.g. #2f5d50',
  'logo.file.extname': 'Upload the logo as a PNG, JPEG or WebP file',
  'logo.file.size': 'The logo must be under 5 MB',
})

/** The studio's look on gallery pages: a logo and two #rrggbb colours (empty: Loupe's own). */
export const updateBrandingValidator = vine.compile(
  vine.object({
    brandColor: vine.string().trim().regex(HEX).optional(),
    headerColor: vine.string().trim().regex(HEX).optional(),
    logo: vine.file({ size: '5mb', extnames: ['png', 'jpg', 'jpeg', 'webp'] }).optional(),
    removeLogo: vine.boolean().optional(),
  })
)
updateBrandingValidator.messagesProvider = messages
