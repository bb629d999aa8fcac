import { DateTime } from 'luxon'
import Gallery from '#models/gallery'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import { sessionsOf } from '#actions/galleries/search_galleries'

export interface GalleryCounts {
  draft: number
  live: number
  expiringSoon: number
  expired: number
  archived: number
}

/** How many galleries are in each state, as the studio thinks of them (for the list's chart); a photographer's own only. */
export default class CountGalleries {
  static async handle(options: { now?: DateTime; photographerId?: string | null } = {}): Promise<GalleryCounts> {
    const now = options.now ?? DateTime.now()
    const count = async (build: (query: ModelQueryBuilderContract<typeof Gallery>) => void) => {
      const query = Gallery.query()
      if (options.photographerId) query.whereIn('photo_session_id', sessionsOf(options.photographerId))
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
