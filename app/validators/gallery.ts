import vine from '@vinejs/vine'
import { EDITING_STATUSES } from '#models/photo'
import { GALLERY_STATUSES } from '#models/gallery'
import { withMessages } from '#validators/rules/messages'
import { accessCodeFormat, gallerySession, slugFormat, uniqueGallery } from '#validators/rules/gallery_rules'

const messages = withMessages({
  'name.required': 'Enter a name for the gallery',
  'accessCode.minLength': 'Use at least {{ min }} characters',
  'selectionLimit.min': 'Enter at least 1, or leave it empty',
  'selectionLimit.withoutDecimals': 'Enter a whole number',
  'password.minLength': 'Use at least {{ min }} characters',
  'expiresOn.date': 'Enter a date',
  'expiresOn.date.afterOrEqual': 'Choose today or a later date',
  'days.min': 'Extend by at least 1 day',
  'days.max': 'Extend by at most {{ max }} days',
  'days.withoutDecimals': 'Enter a whole number of days',
  'photoIds.distinct': 'Each photo may appear only once',
  'photoId.required': 'Choose a photo',
})

/** A gallery password is typed by families from an email: short, yet not guessable in a few tries. */
export const GALLERY_PASSWORD_MIN_LENGTH = 8

/** Fields shared by the create and edit forms. */
const settings = {
  name: vine.string().trim().minLength(1).maxLength(120),
  description: vine.string().trim().maxLength(2000).optional(),
  accessCode: vine
    .string()
    .trim()
    .toUpperCase()
    .minLength(8)
    .maxLength(32)
    .use(accessCodeFormat())
    .use(uniqueGallery({ column: 'access_code', message: 'Another gallery already uses this code' }))
    // Empty: a new gallery gets a generated code, an existing one keeps its own.
    .optional(),
  password: vine.string().minLength(GALLERY_PASSWORD_MIN_LENGTH).maxLength(100).optional(),
  downloadEnabled: vine.boolean().optional(),
  watermarkEnabled: vine.boolean().optional(),
  socialShareEnabled: vine.boolean().optional(),
  publicShareEnabled: vine.boolean().optional(),
  selectionLimit: vine.number().withoutDecimals().min(1).max(10000).optional(),
  expiresOn: vine.date({ formats: ['YYYY-MM-DD'] }).afterOrEqual('today').optional(),
}

const slug = () =>
  vine
    .string()
    .trim()
    .toLowerCase()
    .maxLength(120)
    .use(slugFormat())
    .use(uniqueGallery({ column: 'slug', message: 'Another gallery already uses this address' }))

export const createGalleryValidator = vine.withMetaData<{ galleryId?: string }>().compile(
  vine.object({
    ...settings,
    photoSessionId: vine.string().uuid().use(gallerySession()).optional(),
    slug: slug().optional(),
  })
)
createGalleryValidator.messagesProvider = messages

export const updateGalleryValidator = vine.withMetaData<{ galleryId: string }>().compile(
  vine.object({
    ...settings,
    slug: slug().optional(),
    removePassword: vine.boolean().optional(),
  })
)
updateGalleryValidator.messagesProvider = messages

export const gallerySearchValidator = vine.compile(
  vine.object({
    q: vine.string().trim().maxLength(100).optional(),
    status: vine.enum([...GALLERY_STATUSES, 'expiring'] as const).optional(),
    sort: vine.enum(['name', 'created_at', 'expires_at'] as const).optional(),
    direction: vine.enum(['asc', 'desc'] as const).optional(),
    page: vine.number().min(1).max(10000).optional(),
  })
)

export const updatePhotoValidator = vine.compile(
  vine.object({
    isFeatured: vine.boolean().optional(),
    isHidden: vine.boolean().optional(),
    editingStatus: vine.enum(EDITING_STATUSES).optional(),
  })
)
updatePhotoValidator.messagesProvider = messages

export const photoOrderValidator = vine.compile(
  vine.object({
    photoIds: vine.array(vine.string().uuid()).minLength(1).maxLength(10000).distinct(),
  })
)
photoOrderValidator.messagesProvider = messages

export const galleryCoverValidator = vine.compile(vine.object({ photoId: vine.string().uuid() }))
galleryCoverValidator.messagesProvider = messages

export const reprocessValidator = vine.compile(vine.object({ photoId: vine.string().uuid().optional() }))

export const publicationValidator = vine.compile(vine.object({ notify: vine.boolean().optional() }))

export const galleryExtensionValidator = vine.compile(
  vine.object({
    expiresOn: vine.date({ formats: ['YYYY-MM-DD'] }).afterOrEqual('today').optional(),
    days: vine.number().withoutDecimals().min(1).max(3650).optional(),
  })
)
galleryExtensionValidator.messagesProvider = messages

/** The uploader's note of where a file stood among those picked together (UploadPhoto). */
export const uploadPlaceValidator = vine.compile(
  vine.object({
    batch: vine.string().regex(/^[A-Za-z0-9_-]{8,40}$/).optional(),
    position: vine.number().withoutDecimals().min(0).max(100000).optional(),
  })
)
