import db from '@adonisjs/lucid/services/db'
import type Artwork from '#models/artwork'
import ArtworkPrintOption from '#models/artwork_print_option'
import RecordAudit from '#actions/audit/record_audit'
import type { ArtworkPrintOptionsInput } from '#validators/artwork'
import type { Actor } from '#support/actor'

export type SavePrintOptionsResult = { ok: true; offered: number } | { ok: false; reason: 'unknown_variant' }

/**
 * Sets the prints an artwork is sold as, from the whole list the form shows: an offered
 * variant gets (or keeps) its option with the price override typed in dollars, stored in
 * cents (empty = the variant's price); an unticked one stays on record but unavailable,
 * so carts and past orders that point at it keep working.
 */
export default class SaveArtworkPrintOptions {
  static async handle(actor: Actor, artwork: Artwork, input: ArtworkPrintOptionsInput): Promise<SavePrintOptionsResult> {
    const variantIds = [...new Set(input.options.map((o) => o.variantId))]
    const known = variantIds.length ? await db.from('product_variants').whereIn('id', variantIds).count('* as total').first() : { total: 0 }
    if (Number(known?.total ?? 0) !== variantIds.length) return { ok: false, reason: 'unknown_variant' }

    await db.transaction(async (trx) => {
      const existing = await ArtworkPrintOption.query({ client: trx }).where('artwork_id', artwork.id)
      const byVariant = new Map(existing.map((option) => [option.productVariantId, option]))
      for (const row of input.options) {
        const option = byVariant.get(row.variantId)
        const priceOverride = row.priceOverride === undefined ? null : Math.round(row.priceOverride * 100)
        if (!row.offered && !option) continue
        const target = option ?? new ArtworkPrintOption().merge({ artworkId: artwork.id, productVariantId: row.variantId })
        target.useTransaction(trx)
        target.merge({ available: !!row.offered, priceOverride: row.offered ? priceOverride : target.priceOverride })
        await target.save()
      }
    })
    const offered = input.options.filter((o) => o.offered).length
    await RecordAudit.handle(actor, { action: 'artwork.print_options_updated', subject: { type: 'artwork', id: artwork.id }, details: { offered } })
    return { ok: true, offered }
  }
}
