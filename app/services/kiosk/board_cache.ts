import { createHash } from 'node:crypto'

/**
 * Rendered board fragments, by search and fingerprint (BoardFingerprint): every tablet
 * refetches the board after every check-in, and it is the same HTML for all of them. The
 * CSRF token is a placeholder in the cached copy, put back per request. Per process, small.
 * Tablets asking at the same moment share one render.
 */
export const CSRF_PLACEHOLDER = '__kiosk_csrf__'
const MAX_ENTRIES = 50
const entries = new Map<string, Promise<string>>()

export async function cachedBoard(key: string, render: () => Promise<string>, csrfToken: string) {
  let html = entries.get(key)
  if (html === undefined) {
    html = render()
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!)
    entries.set(key, html)
    html.catch(() => entries.delete(key))
  }
  return (await html).replaceAll(CSRF_PLACEHOLDER, csrfToken)
}

/**
 * The ETag of a tablet's board fragment: the fingerprint, and the tablet's session (the CSRF
 * token in the fragment is drawn afresh each time, but any token of the session stays good).
 */
export function boardEtag(key: string, sessionId: string) {
  return `"${createHash('sha1').update(key).update('\0').update(sessionId).digest('base64url')}"`
}
