import router from '@adonisjs/core/services/router'
import { appUrl } from '#config/app'
import { localPath } from '#services/http/local_path'

/**
 * PayPal sends the buyer back to Loupe's own return route (which captures) and cancel route,
 * each carrying the page the flow wanted, as a path, so they can finish there.
 */
export function paypalReturnUrls(returnUrl: string, cancelUrl: string) {
  const via = (route: string, url: string) => {
    const next = new URL(url, appUrl)
    return appUrl + router.makeUrl(route, {}, { qs: { next: next.pathname + next.search } })
  }
  return { returnUrl: via('paypal_returns.show', returnUrl), cancelUrl: via('paypal_cancellations.show', cancelUrl) }
}

/** The page to go on to after PayPal: a path of this site, or the payments page. */
export function safeNext(next: unknown) {
  return localPath(next) ?? '/portal/payments'
}
