import vine from '@vinejs/vine'
import { PHOTO_EDITING_LEVELS } from '#models/package'
import { withMessages } from '#validators/rules/messages'
import { optionalSlug } from '#validators/rules/slug'

/** Durations on a 5-minute grid: slot claims work in 5-minute cells. */
export const fiveMinuteSteps = vine.createRule((value, _, field) => {
  if (typeof value === 'number' && value % 5 !== 0) field.report('Use a multiple of 5 minutes', 'fiveMinuteSteps', field)
})

/** Every column of a package; money is typed in dollars and stored in cents. */
export const packageValidator = vine.withMetaData<{ id?: string }>().compile(
  vine.object({
    name: vine.string().trim().minLength(2).maxLength(100),
    slug: optionalSlug('packages', 'package', 100),
    shortDescription: vine.string().trim().maxLength(255).optional(),
    description: vine.string().trim().maxLength(5000).optional(),
    basePrice: vine.number().min(0).max(100_000).decimal([0, 2]),
    durationMinutes: vine.number().withoutDecimals().min(15).max(480).use(fiveMinuteSteps()),
    maxChildren: vine.number().withoutDecimals().min(1).max(10),
    includesStyling: vine.boolean().optional(),
    maxOutfitChanges: vine.number().withoutDecimals().min(0).max(20),
    includedPhotos: vine.number().withoutDecimals().min(0).max(1000),
    extraPhotoPrice: vine.number().min(0).max(10_000).decimal([0, 2]),
    photoEditingLevel: vine.enum(PHOTO_EDITING_LEVELS),
    includesPrint: vine.boolean().optional(),
    printSize: vine.string().trim().maxLength(20).optional(),
    preparationChecklist: vine.string().trim().maxLength(4000).optional(),
    active: vine.boolean().optional(),
    sortOrder: vine.number().withoutDecimals().min(0).max(10_000),
  })
)
packageValidator.messagesProvider = withMessages({
  'name.required': 'Enter a name',
  'basePrice.required': 'Enter a price',
  'basePrice.decimal': 'Enter dollars and cents, like 249 or 249.50',
  'extraPhotoPrice.decimal': 'Enter dollars and cents, like 15 or 15.50',
  'durationMinutes.min': 'At least {{ min }} minutes',
  'durationMinutes.max': 'At most {{ max }} minutes',
  'maxChildren.min': 'At least 1 child',
  'number': 'Enter a number',
  'withoutDecimals': 'Enter a whole number',
})

export type PackageInput = Awaited<ReturnType<typeof packageValidator.validate>>
