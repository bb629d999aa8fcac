import { DateTime } from 'luxon'
import mail from '@adonisjs/mail/services/main'
import type { BaseMail } from '@adonisjs/mail'
import type { MailersList } from '@adonisjs/mail/types'
import logger from '@adonisjs/core/services/logger'
import EmailLog from '#models/email_log'
import { smtpConfigured } from '#config/mail'
import { maskSecrets } from '#services/mail/mask_secrets'

/**
 * Every mail says which strings in it are live secrets (reset and invite tokens,
 * verification and sign-in links, gallery access codes), even when there are none.
 */
export type LoggedMail = BaseMail & { secrets: string[] }

/**
 * Sends a message through the configured mailer and writes it to email_logs: `sent`
 * by SMTP, `not_sent` when no transport is configured (still fully rendered), or
 * `failed` with the error. A failure never breaks the page that sent the mail. The
 * recipient gets the message as it is; the log keeps it with the secrets masked, so
 * reading the email log opens no account and no gallery.
 */
export async function deliverMail(
  message: LoggedMail,
  mailer: keyof MailersList = smtpConfigured ? 'smtp' : 'log'
): Promise<EmailLog> {
  const delivers = mailer !== 'log'
  let status: 'sent' | 'not_sent' | 'failed' = delivers ? 'sent' : 'not_sent'
  let messageId: string | null = null
  let error: string | null = null

  try {
    const response = await mail.use(mailer).send(message)
    messageId = delivers ? response.messageId : null
  } catch (failure) {
    logger.error({ err: failure }, 'mail delivery failed')
    status = 'failed'
    error = failure instanceof Error ? failure.message : String(failure)
  }

  const { message: sent, views } = message.message.toJSON()
  const masked = (value: unknown) => (typeof value === 'string' ? maskSecrets(value, message.secrets) : null)
  return EmailLog.create({
    to: addressesOf(sent.to),
    subject: masked(sent.subject ?? message.subject) ?? '(no subject)',
    templateKey: views.html?.template ?? null,
    status,
    error: masked(error),
    messageId,
    html: masked(sent.html),
    text: masked(sent.text),
    sentAt: status === 'sent' ? DateTime.now() : null,
  })
}

function addressesOf(to: unknown): string {
  const list = Array.isArray(to) ? to : to ? [to] : []
  return list
    .map((entry) => (typeof entry === 'string' ? entry : (entry as { address: string }).address))
    .join(', ')
}
