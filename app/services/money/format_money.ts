/*
| Intl.NumberFormat is costly to build (locale data lookups) and cheap to use: one per
| currency, built at first use and kept (a handful of currencies at most).
*/
const formatters = new Map<string, Intl.NumberFormat>()

/** The one formatter for a currency (en-US style, e.g. "$15.00"). */
export function moneyFormatter(currency = 'USD') {
  let formatter = formatters.get(currency)
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency })
    formatters.set(currency, formatter)
  }
  return formatter
}

/** "$15.00" from 1500 cents. Amounts are integer cents everywhere in Loupe. */
export function formatMoney(cents: number, currency = 'USD') {
  return moneyFormatter(currency).format(cents / 100)
}
