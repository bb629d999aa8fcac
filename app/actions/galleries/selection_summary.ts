import type { SelectionTerms } from '#models/gallery'
import { formatMoney } from '#services/money/format_money'
import { visiblePhotosOf } from '#actions/galleries/visible_photos'

export interface SelectionSummary {
  count: number
  limit: number | null
  extras: number
  extrasTotal: number
  /** "12 of 30", or "12 favourites" without a limit. */
  counter: string
  /** "3 extras × $15.00 = $45.00, paid later in the shop", or null within the limit. */
  extrasLine: string | null
}

export function summarizeSelection(count: number, terms: SelectionTerms): SelectionSummary {
  const extras = terms.limit === null ? 0 : Math.max(0, count - terms.limit)
  const extrasTotal = extras * terms.extraPrice
  const counter = terms.limit === null ? `${count} ${count === 1 ? 'favourite' : 'favourites'}` : `${count} of ${terms.limit}`
  const noun = extras === 1 ? 'extra' : 'extras'
  let extrasLine: string | null = null
  if (extras > 0 && terms.extraPrice > 0) {
    extrasLine = `${extras} ${noun} × ${formatMoney(terms.extraPrice, terms.currency)} = ${formatMoney(extrasTotal, terms.currency)}, paid later in the shop`
  } else if (extras > 0) {
    extrasLine = `${extras} ${noun} over the ${terms.limit} included: the studio will confirm their price`
  }
  return { count, limit: terms.limit, extras, extrasTotal, counter, extrasLine }
}

/** One visitor's favourites that count towards the selection (visible photos only). */
export function selectedPhotosOf(galleryId: string, visitorId: string) {
  return visiblePhotosOf(galleryId)
    .join('photo_favorites', 'photo_favorites.photo_id', 'photos.id')
    .where('photo_favorites.gallery_visitor_id', visitorId)
}

export async function countSelection(galleryId: string, visitorId: string) {
  const row = await selectedPhotosOf(galleryId, visitorId).count('* as total').first()
  return Number(row?.total ?? 0)
}
