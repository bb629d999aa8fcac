/**
 * Rendered board fragments, by search and fingerprint (BoardFingerprint): every tablet
 * refetches the board after every check-in, and it is the same HTML for all of them. The
 * CSRF token is a placeholder in the cached copy, put back per request. Per process, small.
 */
export const CSRF_PLACEHOLDER = '__kiosk_csrf__'
const MAX_ENTRIES = 50
const entries = new Map<string, string>()

export async function cachedBoard(key: string, render: () => Promise<string>, csrfToken: string) {
  let html = entries.get(key)
  if (html === undefined) {
    html = await render()
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!)
    entries.set(key, html)
  }
  return html.replaceAll(CSRF_PLACEHOLDER, csrfToken)
}
