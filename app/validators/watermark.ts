import vine from '@vinejs/vine'
import { WATERMARK_PLACEMENTS } from '#services/images/watermark'
import { withMessages } from '#validators/rules/messages'

const messages = withMessages({
  'number': 'Enter a number',
  'min': 'At least {{ min }}',
  'max': 'At most {{ max }}',
  'enum': 'Choose one of the options',
  'text.maxLength': 'At most {{ max }} characters',
  'logo.file.extname': 'Upload the logo as a PNG file',
  'logo.file.size': 'The logo must be under 2 MB',
})

/** The studio's watermark: text or PNG logo, opacity and size in percent, placement, tiled angle. */
export const updateWatermarkValidator = vine.compile(
  vine.object({
    text: vine.string().trim().maxLength(120).optional(),
    opacity: vine.number().withoutDecimals().min(5).max(100),
    size: vine.number().withoutDecimals().min(2).max(40),
    placement: vine.enum(WATERMARK_PLACEMENTS),
    angle: vine.number().withoutDecimals().min(-90).max(90),
    logo: vine.file({ size: '2mb', extnames: ['png'] }).optional(),
    removeLogo: vine.boolean().optional(),
  })
)
updateWatermarkValidator.messagesProvider = messages

/** The form's current values, as the live preview reads them from the query string. */
export const watermarkPreviewValidator = vine.compile(
  vine.object({
    text: vine.string().trim().maxLength(120).optional(),
    opacity: vine.number().withoutDecimals().min(5).max(100),
    size: vine.number().withoutDecimals().min(2).max(40),
    placement: vine.enum(WATERMARK_PLACEMENTS),
    angle: vine.number().withoutDecimals().min(-90).max(90),
    removeLogo: vine.boolean().optional(),
  })
)
watermarkPreviewValidator.messagesProvider = messages
