import vine, { SimpleMessagesProvider } from '@vinejs/vine'

/** Codes are read from cards and emails: "abcd-efgh 23" is ABCDEFGH23. */
const accessCode = () =>
  vine
    .string()
    .trim()
    .maxLength(64)
    .transform((value) => value.toUpperCase().replace(/[\s-]+/g, ''))

const messages = new SimpleMessagesProvider(
  {
    'code.required': 'Enter the access code from your card or email',
    'email.required': 'Enter your email: it keeps your favourites on this gallery',
    'email.email': 'Enter a valid email address',
    'entryCode.required': 'Enter the 6-digit code from the email',
    'entryCode.regex': 'Enter the 6 digits from the email',
    'maxLength': 'Use at most {{ max }} characters',
  },
  {}
)

/** The short form at /g. */
export const accessCodeValidator = vine.compile(vine.object({ code: accessCode() }))
accessCodeValidator.messagesProvider = messages

/** A gallery's own form: the code unless it was given at /g, an email, the password if set. */
export const galleryAccessValidator = vine.compile(
  vine.object({
    code: accessCode().optional(),
    email: vine.string().trim().toLowerCase().email().maxLength(254),
    password: vine.string().maxLength(200).optional(),
  })
)
galleryAccessValidator.messagesProvider = messages

/** The 6-digit code a guarded gallery emailed ("123 456" is fine). */
export const entryCodeValidator = vine.compile(
  vine.object({
    entryCode: vine
      .string()
      .trim()
      .regex(/^\d{3} ?\d{3}$/)
      .transform((value) => value.replace(/\s+/g, '')),
  })
)
entryCodeValidator.messagesProvider = messages

/** `?filter=favorites&page=2` on the gallery page. */
export const galleryFilterValidator = vine.compile(
  vine.object({
    filter: vine.enum(['favorites', 'all'] as const).optional(),
    page: vine.number().withoutDecimals().min(1).max(100000).optional(),
  })
)
