import router from '@adonisjs/core/services/router'
import { appUrl } from '#config/app'

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

/**
 * Only a path on this site, so the route cannot be an open redirect: browsers read `//host`
 * and `/\host` alike as another site, and drop tabs and newlines inside a URL.
 */
export function safeNext(next: unknown) {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) && !/[\t\n\r]/.test(next) ? next : '/portal/payments'
}
