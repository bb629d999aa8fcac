import { DateTime } from 'luxon'
import Gallery from '#models/gallery'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'

export interface GalleryCounts {
  draft: number
  live: number
  expiringSoon: number
  expired: number
  archived: number
}

/** How many galleries are in each state, as the studio thinks of them (for the list's chart). */
export default class CountGalleries {
  static async handle(now: DateTime = DateTime.now()): Promise<GalleryCounts> {
    const count = async (build: (query: ModelQueryBuilderContract<typeof Gallery>) => void) => {
      const query = Gallery.query()
      build(query)
      const row = await query.count('* as total').first()
      return Number(row?.$extras.total ?? 0)
    }
    const [draft, live, expiringSoon, expired, archived] = await Promise.all([
      count((q) => q.where('status', 'draft')),
      count((q) => q.withScopes((s) => s.published(now))),
      count((q) => q.withScopes((s) => s.expiringWithin(7, now))),
      count((q) => q.withScopes((s) => s.expired(now))),
      count((q) => q.where('status', 'archived')),
    ])
    return { draft, live, expiringSoon, expired, archived }
  }
}
