/**
 * The shop's rate tables, kept in the studio's settings. A region is "US-CA" (country and
 * state) or "US" (country); "*" is everywhere else. The most specific entry wins.
 */

export const SHIPPING_METHODS = ['standard', 'express'] as const
export type ShippingMethod = (typeof SHIPPING_METHODS)[number]

/** Prints travel flat in an envelope; canvas and metal in a crate. */
export const WEIGHT_CLASSES = ['light', 'heavy'] as const
export type WeightClass = (typeof WEIGHT_CLASSES)[number]

const HEAVY_PRODUCTS = new Set(['canvas', 'metal'])

export function weightClassOf(productCategory: string): WeightClass {
  return HEAVY_PRODUCTS.has(productCategory) ? 'heavy' : 'light'
}

export type TaxTable = Record<string, number>
export type ShippingTable = Record<string, Partial<Record<ShippingMethod, Partial<Record<WeightClass, number>>>>>

/** What a studio ships with until it sets its own: US sales tax in a few states, flat-rate parcels. */
export const DEFAULT_TAX_RATES: TaxTable = { 'US-CA': 725, 'US-NY': 400, 'US-TX': 625, 'US': 0, 'CA': 500, 'GB': 2000, '*': 0 }
export const DEFAULT_SHIPPING_RATES: ShippingTable = {
  'US': { standard: { light: 800, heavy: 2500 }, express: { light: 2000, heavy: 4500 } },
  'CA': { standard: { light: 1500, heavy: 4000 } },
  '*': { standard: { light: 2500, heavy: 7500 } },
}

function lookup<T>(table: Record<string, T>, country: string, region?: string | null): T | undefined {
  const keys = [region ? `${country}-${region}` : null, country, '*'].filter((key): key is string => key !== null)
  for (const key of keys) if (table[key] !== undefined) return table[key]
  return undefined
}

/** Basis points of tax for an address: 725 = 7.25 %. */
export function taxRateFor(table: TaxTable, country: string, region?: string | null) {
  return lookup(table, country.toUpperCase(), region?.toUpperCase()) ?? 0
}

/** The methods that ship to a country, with the price for the heaviest class in the parcel. */
export function shippingOptionsFor(table: ShippingTable, country: string, region: string | null | undefined, heaviest: WeightClass) {
  const methods = lookup(table, country.toUpperCase(), region?.toUpperCase()) ?? {}
  return SHIPPING_METHODS.flatMap((method) => {
    const amount = methods[method]?.[heaviest]
    return amount === undefined ? [] : [{ method, amount }]
  })
}
