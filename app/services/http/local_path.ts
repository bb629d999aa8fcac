/**
 * `value` when it is a path of this site, else null: the guard of every redirect to a place
 * named in a request or session. Browsers read `//host` and `/\host` alike as another site,
 * and drop tabs and newlines inside a URL.
 */
export function localPath(value: unknown): string | null {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) && !/[\t\n\r]/.test(value) ? value : null
}
