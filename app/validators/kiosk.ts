import vine from '@vinejs/vine'
import { withMessages } from '#validators/rules/messages'

export const kioskDeviceValidator = vine.compile(vine.object({ name: vine.string().trim().minLength(1).maxLength(100) }))

export const pairingValidator = vine.compile(vine.object({ code: vine.string().trim().minLength(8).maxLength(20) }))

const pin = () => vine.string().trim().regex(/^\d{4,6}$/)

export const pinSignInValidator = vine.compile(vine.object({ userId: vine.string().uuid(), pin: pin() }))

export const kioskPinValidator = vine.compile(vine.object({ pin: pin().confirmed() }))

export const boardSearchValidator = vine.compile(vine.object({ q: vine.string().trim().maxLength(100).optional() }))

const pinMessages = withMessages({ 'pin.regex': 'A PIN is 4 to 6 digits', 'pin.confirmed': 'The two PINs differ' })
pinSignInValidator.messagesProvider = pinMessages
kioskPinValidator.messagesProvider = pinMessages

export const deskPaymentValidator = vine.compile(
  vine.object({
    amount: vine.number().positive().max(1_000_000).decimal([0, 2]),
    method: vine.enum(['cash', 'card'] as const),
    idempotencyKey: vine.string().uuid(),
  })
)
deskPaymentValidator.messagesProvider = withMessages({ 'amount.positive': 'Enter the amount taken', 'amount.number': 'Enter the amount taken, like 120.00' })

export const kioskSessionStatusValidator = vine.compile(vine.object({ to: vine.enum(['in_progress', 'completed'] as const) }))

export const stylingValidator = vine.compile(vine.object({ done: vine.boolean() }))

/** A parent's model release on the tablet: the children it covers, their name, the drawn signature. */
export const modelReleaseValidator = vine.compile(
  vine.object({
    childIds: vine.array(vine.string().uuid()).minLength(1).distinct(),
    signerName: vine.string().trim().minLength(2).maxLength(150),
    signature: vine.string().startsWith('data:image/png;base64,').maxLength(500_000),
    idempotencyKey: vine.string().uuid(),
  })
)
modelReleaseValidator.messagesProvider = withMessages({
  'childIds.minLength': 'Tick each child this release is for',
  'childIds.required': 'Tick each child this release is for',
  'signerName.minLength': 'Type your full name',
  'signerName.required': 'Type your full name',
  'signature.required': 'Sign in the box with your finger',
  'signature.startsWith': 'Sign in the box with your finger',
})

/** Self-service: the QR code's value or the session number, typed in full. */
export const selfServiceLookupValidator = vine.compile(vine.object({ code: vine.string().trim().minLength(1).maxLength(200) }))
selfServiceLookupValidator.messagesProvider = withMessages({ 'code.required': 'Scan your QR code or type your session number' })

/** Self-service: the children present and, for those without one, the release signed. */
export const selfServiceCheckInValidator = vine.compile(
  vine.object({
    childIds: vine.array(vine.string().uuid()).minLength(1).distinct(),
    signerName: vine.string().trim().minLength(2).maxLength(150).optional(),
    signature: vine.string().startsWith('data:image/png;base64,').maxLength(500_000).optional(),
    idempotencyKey: vine.string().uuid(),
  })
)
selfServiceCheckInValidator.messagesProvider = withMessages({
  'childIds.minLength': 'Tick the children who are here',
  'childIds.required': 'Tick the children who are here',
  'signerName.minLength': 'Type your full name',
  'signature.startsWith': 'Sign in the box with your finger',
})
