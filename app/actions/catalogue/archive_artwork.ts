import type Artwork from '#models/artwork'
import RecordAudit from '#actions/audit/record_audit'
import type { Actor } from '#support/actor'

export type ArchiveArtworkResult = { ok: true } | { ok: false; reason: 'already_archived' }

/**
 * Takes an artwork off the portfolio, sitemap and home for good (its page answers 404),
 * keeping the row and picture for the orders that name it. A compare-and-set, so two
 * clicks archive once.
 */
export default class ArchiveArtwork {
  static async handle(actor: Actor, artwork: Artwork): Promise<ArchiveArtworkResult> {
    if (!(await artwork.archive({ actor }))) return { ok: false, reason: 'already_archived' }
    await RecordAudit.handle(actor, { action: 'artwork.archived', subject: { type: 'artwork', id: artwork.id }, details: { title: artwork.title } })
    return { ok: true }
  }
}
