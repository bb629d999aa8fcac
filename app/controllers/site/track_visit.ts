import type { HttpContext } from '@adonisjs/core/http'
import type { AnalyticsEventName } from '#models/analytics_event'
import { recordVisit } from '#services/analytics/analytics_buffer'

/** Queues an analytics event for this request, unless the browser asks not to be tracked. */
export function trackVisit({ request }: HttpContext, name: AnalyticsEventName, subject?: { type: string; id: string }) {
  recordVisit({
    name,
    path: request.url(),
    subject,
    ip: request.ip(),
    userAgent: request.header('user-agent') ?? null,
    referrer: request.header('referer') ?? null,
    doNotTrack: request.header('dnt') === '1' || request.header('sec-gpc') === '1',
  })
}
