import { createHash } from 'node:crypto'

/**
 * A UUID derived from a name: rows without a natural key (notifications, analytics
 * events) get the same id on every run, so re-seeding inserts only what is missing.
 */
export function demoUuid(name: string) {
  const hex = createHash('sha256').update(`loupe-demo:${name}`).digest('hex')
  return [hex.slice(0, 8), hex.slice(8, 12), `4${hex.slice(13, 16)}`, `8${hex.slice(17, 20)}`, hex.slice(20, 32)].join(
    '-'
  )
}
