import env from '#start/env'
import { defineConfig, transports } from '@adonisjs/mail'
import { JSONTransport } from '@adonisjs/mail/transports/json'

/*
| SMTP when SMTP_HOST is set. Without it messages are still rendered and written
| to email_logs with status `not_sent` (see app/services/mail/recorder.ts).
*/
const smtpHost = env.get('SMTP_HOST')

const mailConfig = defineConfig({
  default: smtpHost ? 'smtp' : 'log',
  from: {
    address: env.get('MAIL_FROM_ADDRESS', 'studio@loupe.test'),
    name: env.get('MAIL_FROM_NAME', 'Loupe Studio'),
  },
  mailers: {
    smtp: transports.smtp({
      host: smtpHost ?? '127.0.0.1',
      port: env.get('SMTP_PORT', 587),
      secure: env.get('SMTP_SECURE', false),
      ignoreTLS: !env.get('SMTP_SECURE', false),
      auth: env.get('SMTP_USERNAME')
        ? { type: 'login', user: env.get('SMTP_USERNAME')!, pass: env.get('SMTP_PASSWORD', '') }
        : undefined,
    }),
    // Renders the message completely but delivers it nowhere: the email log keeps it.
    log: () => new JSONTransport(),
  },
})

export const smtpConfigured = Boolean(smtpHost)

export default mailConfig

declare module '@adonisjs/mail/types' {
  export interface MailersList extends InferMailers<typeof mailConfig> {}
}
