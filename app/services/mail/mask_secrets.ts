/**
 * What the email log keeps instead of a live secret (a reset token, an access code):
 * enough to tell two messages apart, not enough to use. `••••` and the last 2 characters.
 */
export function maskSecret(secret: string) {
  return `••••${secret.slice(-2)}`
}

/** `text` with every occurrence of each secret masked, HTML-escaped forms included. */
export function maskSecrets(text: string, secrets: string[]) {
  const live = [...new Set(secrets.filter((secret) => secret.length >= 4))].sort((a, b) => b.length - a.length)
  let masked = text
  for (const secret of live) {
    for (const form of new Set([secret, escapeHtml(secret), encodeURIComponent(secret)])) {
      masked = masked.split(form).join(maskSecret(secret))
    }
  }
  return masked
}

function escapeHtml(value: string) {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

/** The signed URLs among a mail's links: each opens a page, so the log keeps it masked. */
export function signedLinkSecrets(links: ({ url: string } | null)[]) {
  return links.flatMap((link) => (link?.url.includes('signature=') ? [link.url] : []))
}
