import emitter from '@adonisjs/core/services/emitter'
import EmailLog from '#models/email_log'

/** A message as it left Loupe: what the recipient reads (the email log masks its secrets). */
export interface DeliveredMail {
  to: string[]
  subject: string
  html: string | null
  text: string | null
}

const delivered: DeliveredMail[] = []

emitter.on('mail:sent', ({ message }) => {
  const addresses = [message.to ?? []].flat().map((entry: any) => (typeof entry === 'string' ? entry : entry.address))
  delivered.push({
    to: addresses,
    subject: message.subject ?? '',
    html: typeof message.html === 'string' ? message.html : null,
    text: typeof message.text === 'string' ? message.text : null,
  })
})

/** The newest message delivered to `to` (the recipient's copy), of those whose subject starts with `subject` if given, failing loudly when there is none. */
export function lastDeliveredTo(to: string, subject = '') {
  const mail = delivered.findLast((entry) => entry.to.includes(to) && entry.subject.startsWith(subject))
  if (!mail) throw new Error(`No email${subject ? ` "${subject}…"` : ''} was delivered to ${to}`)
  return mail
}

/** The newest logged email to `to`, failing loudly when there is none. */
export async function lastEmailTo(to: string) {
  const log = await EmailLog.query().where('to', to).orderBy('createdAt', 'desc').first()
  if (!log) throw new Error(`No email was logged for ${to}`)
  return log
}

/** The first link in an email's text part that contains `fragment`, as a path. */
export function linkIn(mail: { subject: string; text: string | null }, fragment: string) {
  const url = (mail.text ?? '').match(new RegExp(`https?://\\S*${fragment}\\S*`))?.[0]
  if (!url) throw new Error(`No link containing ${fragment} in "${mail.subject}"`)
  const parsed = new URL(url)
  return parsed.pathname + parsed.search
}
