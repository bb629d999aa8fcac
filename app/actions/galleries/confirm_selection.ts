import GalleryEmailProof from '#models/gallery_email_proof'
import GalleryVisitor from '#models/gallery_visitor'
import type Gallery from '#models/gallery'
import SubmitSelection, { type SubmitSelectionResult } from '#actions/galleries/submit_selection'
import { countSelection } from '#actions/galleries/selection_summary'
import { keyedHash } from '#support/keyed_hash'
import type { Actor } from '#support/actor'

export type ConfirmSelectionResult = SubmitSelectionResult | { ok: false; reason: 'invalid_link' }

/** The emailed selection link's proof, while it is usable, with the visitor whose favourites it submits. */
export async function selectionLinkOf(gallery: Gallery, token: string) {
  if (!gallery.isViewable()) return null
  const proof = await GalleryEmailProof.query()
    .withScopes((scopes) => scopes.usable())
    .where('galleryId', gallery.id)
    .where('purpose', 'selection')
    .where('secretHash', keyedHash(token))
    .first()
  const visitor = proof?.galleryVisitorId ? await GalleryVisitor.find(proof.galleryVisitorId) : null
  if (!proof || !visitor || visitor.galleryId !== gallery.id) return null
  return { proof, visitor, count: await countSelection(gallery.id, visitor.id) }
}

/**
 * The family followed the emailed link and confirmed: the link is spent (once, even when
 * two tabs race with it) and the favourites become the selection.
 */
export default class ConfirmSelection {
  static async handle(_actor: Actor, gallery: Gallery, token: string): Promise<ConfirmSelectionResult> {
    const link = await selectionLinkOf(gallery, token)
    if (!link || !(await link.proof.consume())) return { ok: false, reason: 'invalid_link' }
    return SubmitSelection.handle(gallery, link.visitor)
  }
}
