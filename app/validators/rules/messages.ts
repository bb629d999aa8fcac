import vine from '@vinejs/vine'
import type { MessagesProviderContact } from '@vinejs/vine/types'

/**
 * Messages for one validator (`field.rule` or `rule` keys), falling back to the
 * app-wide ones in start/validator.ts, so "Enter a name" can read better than the
 * generic "Enter your name".
 */
export function withMessages(messages: Record<string, string>): MessagesProviderContact {
  return {
    getMessage(defaultMessage, rule, field, args) {
      const own = messages[`${field.wildCardPath}.${rule}`] ?? messages[rule]
      if (!own) return vine.messagesProvider.getMessage(defaultMessage, rule, field, args)
      return own.replace(/{{\s*(\w+)\s*}}/g, (_, key) => String(key === 'field' ? field.name : (args?.[key] ?? '')))
    },
  }
}
