import EmailLog from '#models/email_log'

/** The newest logged email to `to`, failing loudly when there is none. */
export async function lastEmailTo(to: string) {
  const log = await EmailLog.query().where('to', to).orderBy('createdAt', 'desc').first()
  if (!log) throw new Error(`No email was logged for ${to}`)
  return log
}

/** The first link in an email's text part that contains `fragment`, as a path. */
export function linkIn(log: EmailLog, fragment: string) {
  const url = (log.text ?? '').match(new RegExp(`https?://\\S*${fragment}\\S*`))?.[0]
  if (!url) throw new Error(`No link containing ${fragment} in "${log.subject}"`)
  const parsed = new URL(url)
  return parsed.pathname + parsed.search
}
