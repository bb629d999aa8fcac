/*
| Edge globals shared by every template.
*/
import edge from 'edge.js'
import { DateTime } from 'luxon'
import { assetUrl } from '#services/http/asset_url'
import { cachePartials } from '#services/http/edge_partial_cache'

cachePartials(edge)

edge.global('asset', assetUrl)

edge.global('formatDateTime', (value: DateTime | null | undefined) =>
  value ? value.toLocaleString(DateTime.DATETIME_MED) : '—'
)

edge.global('formatDate', (value: DateTime | null | undefined) =>
  value ? value.toLocaleString(DateTime.DATE_MED) : '—'
)

edge.global('humanize', (value: string | null | undefined) =>
  value ? value.replace(/[_.]/g, ' ').replace(/^\w/, (c) => c.toUpperCase()) : ''
)
