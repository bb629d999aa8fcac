/**
 * Units asked of each variant, summed over the lines: the same variant can be in the cart
 * twice (an artwork's print and a gallery photo's), and both come out of one stock.
 */
export function unitsByVariant(lines: { variantId: string; quantity: number }[]) {
  const units = new Map<string, number>()
  for (const line of lines) units.set(line.variantId, (units.get(line.variantId) ?? 0) + line.quantity)
  return units
}

/** What the customer is told when a stocked variant can't cover what they ask for. */
export function stockMessage(left: number, inCart = 0) {
  if (left <= 0) return 'Sold out'
  return inCart ? `Only ${left} left, and ${inCart} ${inCart === 1 ? 'is' : 'are'} already in your cart` : `Only ${left} left`
}

/** A cart line its variant can no longer cover: "Electric Riff, 8x10 print: Only 1 left". */
export function shortLineMessage(line: { artworkTitle: string | null; name: string; stockLeft: number | null }) {
  return `${line.artworkTitle ? `${line.artworkTitle}, ` : ''}${line.name}: ${stockMessage(line.stockLeft ?? 0)}`
}
