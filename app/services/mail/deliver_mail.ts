import { DateTime } from 'luxon'
import mail from '@adonisjs/mail/services/main'
import type { BaseMail } from '@adonisjs/mail'
import type { MailersList } from '@adonisjs/mail/types'
import logger from '@adonisjs/core/services/logger'
import EmailLog from '#models/email_log'
import { smtpConfigured } from '#config/mail'

/**
 * Sends a message through the configured mailer and writes it to email_logs: `sent`
 * by SMTP, `not_sent` when no transport is configured (still fully rendered), or
 * `failed` with the error. A failure never breaks the page that sent the mail.
 */
export async function deliverMail(
  message: BaseMail,
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
  return EmailLog.create({
    to: addressesOf(sent.to),
    subject: sent.subject ?? message.subject ?? '(no subject)',
    templateKey: views.html?.template ?? null,
    status,
    error,
    messageId,
    html: typeof sent.html === 'string' ? sent.html : null,
    text: typeof sent.text === 'string' ? sent.text : null,
    sentAt: status === 'sent' ? DateTime.now() : null,
  })
}

function addressesOf(to: unknown): string {
  const list = Array.isArray(to) ? to : to ? [to] : []
  return list
    .map((entry) => (typeof entry === 'string' ? entry : (entry as { address: string }).address))
    .join(', ')
}
