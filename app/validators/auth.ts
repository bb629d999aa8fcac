import vine from '@vinejs/vine'
import { strongPassword } from '#validators/rules/password_strength'

const email = () => vine.string().trim().toLowerCase().email().maxLength(254)

export const loginValidator = vine.compile(
  vine.object({
    email: email(),
    password: vine.string().maxLength(200),
    remember: vine.boolean().optional(),
  })
)

export const registrationValidator = vine.compile(
  vine.object({
    firstName: vine.string().trim().minLength(1).maxLength(100),
    lastName: vine.string().trim().minLength(1).maxLength(100),
    // No uniqueness rule: the page must not tell whether an address has an account.
    email: email(),
    password: vine.string().maxLength(200).use(strongPassword()).confirmed(),
    marketingConsent: vine.boolean().optional(),
  })
)

export const forgotPasswordValidator = vine.compile(vine.object({ email: email() }))

export const resetPasswordValidator = vine.compile(
  vine.object({
    password: vine.string().maxLength(200).use(strongPassword()).confirmed(),
  })
)
