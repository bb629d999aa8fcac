import env from '#start/env'
import type { FulfillmentProvider } from '#services/fulfillment/fulfillment_provider'
import { InHouseProvider } from '#services/fulfillment/in_house_provider'
import { PrintfulProvider } from '#services/fulfillment/printful_provider'
import { GootenProvider } from '#services/fulfillment/gooten_provider'
import type { FulfillmentProvider as ProviderName } from '#models/order_item'

let overrides: Partial<Record<ProviderName, FulfillmentProvider>> = {}

/**
 * The lab for an order item's provider. Printful and Gooten need their keys in env; an
 * item routed to a lab without keys stays pending (reported by fulfillment:sync).
 */
export function fulfillmentProvider(name: ProviderName): FulfillmentProvider | null {
  if (overrides[name]) return overrides[name]!
  if (name === 'in_house') return new InHouseProvider()
  if (name === 'printful') {
    const key = env.get('PRINTFUL_API_KEY')
    return key ? new PrintfulProvider(env.get('PRINTFUL_API_URL', 'https://api.printful.com'), key) : null
  }
  const recipe = env.get('GOOTEN_RECIPE_ID')
  const billing = env.get('GOOTEN_BILLING_KEY')
  return recipe && billing ? new GootenProvider(env.get('GOOTEN_API_URL', 'https://api.print.io/api/v/5/source/api'), recipe, billing) : null
}

/** Tests point a provider at a local fake server; `{}` goes back to the configured ones. */
export function useFulfillmentProviders(providers: Partial<Record<ProviderName, FulfillmentProvider>>) {
  overrides = providers
}
