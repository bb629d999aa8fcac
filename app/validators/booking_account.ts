import vine from '@vinejs/vine'
import { withMessages } from '#validators/rules/messages'

/** Signing in from the booking's last step (own field names: the sign-up form sits beside it). */
export const bookingSignInValidator = vine.compile(
  vine.object({
    loginEmail: vine.string().trim().toLowerCase().email().maxLength(254),
    loginPassword: vine.string().maxLength(200),
  })
)
bookingSignInValidator.messagesProvider = withMessages({
  'loginEmail.required': 'Enter your email',
  'loginEmail.email': 'Enter a valid email address',
  'loginPassword.required': 'Enter your password',
})
