import vine from '@vinejs/vine'
import { withMessages } from '#validators/rules/messages'

/**
 * The public contact form. `website` is the honeypot: hidden from people, filled in by
 * bots; the controller drops such a message without a word.
 */
export const contactFormValidator = vine.compile(
  vine.object({
    name: vine.string().trim().minLength(1).maxLength(150),
    email: vine.string().trim().email().maxLength(254),
    phone: vine.string().trim().maxLength(32).optional(),
    message: vine.string().trim().minLength(10).maxLength(5000),
    website: vine.string().optional(),
  })
)
contactFormValidator.messagesProvider = withMessages({
  'name.required': 'Enter your name',
  'email.required': 'Enter your email: we answer there',
  'email.email': 'Enter a valid email address',
  'message.required': 'Write your message',
  'message.minLength': 'Tell us a little more (at least 10 characters)',
  'maxLength': 'Use at most {{ max }} characters',
})
