/** "$15.00" from 1500 cents. Amounts are integer cents everywhere in Loupe. */
export function formatMoney(cents: number, currency = 'USD') {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100)
}
