import WebhookEvent, { type WebhookEventStatus } from '#models/webhook_event'

export interface WebhookEventFilters {
  provider?: string
  status?: WebhookEventStatus
  q?: string
}

/** The admin webhook log's query: newest first, by provider, status, and event id or type. */
export function webhookEventsMatching(filters: WebhookEventFilters) {
  const query = WebhookEvent.query().orderBy('received_at', 'desc').orderBy('id', 'desc')
  if (filters.provider) query.where('provider', filters.provider)
  if (filters.status) query.where('status', filters.status)
  if (filters.q) {
    const term = `%${filters.q.toLowerCase()}%`
    query.where((inner) => inner.whereRaw('lower(event_id) like ?', [term]).orWhereRaw('lower(type) like ?', [term]))
  }
  return query
}
