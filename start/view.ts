/*
| Edge globals shared by every template.
*/
import edge from 'edge.js'
import { DateTime } from 'luxon'
import { assetUrl } from '#services/http/asset_url'
import { cachePartials } from '#services/http/edge_partial_cache'
import { listComponentsOnce } from '#services/http/edge_component_list'
import { renderFragment, renderKeyedFragment } from '#services/http/edge_fragment_cache'
import { homeUrl } from '#controllers/auth/home_route'
import { formatMoney } from '#services/money/format_money'
import { artworkImage } from '#services/site/artwork_images'
import { isDemoCard } from '#services/payments/demo_card'

cachePartials(edge)
listComponentsOnce(edge)

edge.global('asset', assetUrl)

/** `artworkImage(artwork.mediaAsset)`: src, srcset and size of a published artwork's picture. */
edge.global('artworkImage', artworkImage)

/** `{{{ fragment(owner, key, 'template', state) }}}`: a small template's HTML rendered once per owner and key (see renderFragment). */
edge.global('fragment', (owner: object, key: string, template: string, state: Record<string, unknown>) =>
  renderFragment(edge, owner, key, template, state)
)

/** `{{{ keyedFragment(key, 'template', state) }}}`: the same, kept by a key naming all the template reads (see renderKeyedFragment). */
edge.global('keyedFragment', (key: string, template: string, state: Record<string, unknown>) => renderKeyedFragment(edge, key, template, state))

/** `homeUrl(auth.user)`: the signed-in person's own home (/admin, /studio, /photographer, /portal). */
edge.global('homeUrl', homeUrl)

// Card payments go to the local Stripe stand-in: pages say "demo card — no money moves".
edge.global('demoCard', isDemoCard)

edge.global('formatDateTime', (value: DateTime | null | undefined) =>
  value ? value.toLocaleString(DateTime.DATETIME_MED) : '—'
)

edge.global('formatDate', (value: DateTime | null | undefined) =>
  value ? value.toLocaleString(DateTime.DATE_MED) : '—'
)

/** Names whose spelling humanizing would get wrong. */
const PROPER_NAMES: Record<string, string> = { paypal: 'PayPal' }

edge.global('humanize', (value: string | null | undefined) =>
  value ? (PROPER_NAMES[value] ?? value.replace(/[_.]/g, ' ').replace(/^\w/, (c) => c.toUpperCase())) : ''
)

edge.global('money', (cents: number | null | undefined, currency = 'USD') =>
  cents === null || cents === undefined ? '—' : formatMoney(cents, currency)
)

/** A time as the studio's clock shows it: `inZone(session.startsAt, studio.timezone, 'ccc d LLL, h:mm a')`. */
edge.global('inZone', (value: DateTime | null | undefined, zone: string, format = "cccc, LLLL d 'at' h:mm a") =>
  value ? value.setZone(zone).toFormat(format) : '—'
)

const SESSION_TONES: Record<string, string> = {
  booked: 'neutral',
  confirmed: 'success',
  checked_in: 'brand',
  in_progress: 'warning',
  completed: 'success',
  cancelled: 'danger',
  no_show: 'danger',
}
/** The badge tone of a photo session's status (the calendar colours match). */
edge.global('sessionTone', (status: string) => SESSION_TONES[status] ?? 'neutral')
