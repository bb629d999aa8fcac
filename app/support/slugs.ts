import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'

const MAX_LENGTH = 100

/** "Smith & Söhne — Spring 2025" → "smith-sohne-spring-2025". */
export function slugify(text: string) {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_LENGTH)
    .replace(/-+$/g, '')
  return slug || 'gallery'
}

/**
 * A free slug made from the name: "smith-family", then "smith-family-2", "-3"…
 * Deleted galleries keep their slug, so they count as taken.
 */
export async function uniqueSlug(name: string) {
  const base = slugify(name)
  const taken = new Set<string>(
    (await db.from('galleries').where('slug', base).orWhere('slug', 'like', `${base}-%`).select('slug')).map((row) => row.slug)
  )
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`
    if (!taken.has(candidate)) return candidate
  }
}

/** A free slug for a row of `table` made from `text` ("electric-riff", then "-2"…), read through `client` (the caller's transaction). */
export async function freeSlug(table: string, text: string, client: QueryClientContract = db.connection()) {
  const base = slugify(text)
  const query = client.from(table).where((q) => q.where('slug', base).orWhere('slug', 'like', `${base}-%`))
  const taken = new Set<string>((await query.select('slug')).map((row) => row.slug))
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`
}
