import type Artwork from '#models/artwork'
import RecordAudit from '#actions/audit/record_audit'
import type { Actor } from '#support/actor'

export type RestoreArtworkResult = { ok: true } | { ok: false; reason: 'not_archived' }

/** Brings an archived artwork back as a draft: publishing it again is the admin's next choice. */
export default class RestoreArtwork {
  static async handle(actor: Actor, artwork: Artwork): Promise<RestoreArtworkResult> {
    if (!(await artwork.restore({ actor }))) return { ok: false, reason: 'not_archived' }
    await RecordAudit.handle(actor, { action: 'artwork.restored', subject: { type: 'artwork', id: artwork.id }, details: { title: artwork.title } })
    return { ok: true }
  }
}
