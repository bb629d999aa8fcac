export type Carrier = 'UPS' | 'USPS' | 'FedEx' | 'DHL'

export interface TrackingLink {
  number: string
  /** Null when the number's format names no carrier: the link is then a multi-carrier search. */
  carrier: Carrier | null
  url: string
}

// Orders keep only the numbers, not the carrier: the labs and the admin form give none.
const FORMATS: [Carrier, RegExp][] = [
  ['UPS', /^1Z[0-9A-Z]{16}$/],
  ['USPS', /^9\d{19,21}$/],
  ['USPS', /^[A-Z]{2}\d{9}US$/],
  ['FedEx', /^(\d{12}|\d{15})$/],
  ['DHL', /^\d{10}$/],
]

const PAGES: Record<Carrier, string> = {
  UPS: 'https://www.ups.com/track?tracknum=',
  USPS: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=',
  FedEx: 'https://www.fedex.com/fedextrack/?trknbr=',
  DHL: 'https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id=',
}

const FALLBACK = 'https://parcelsapp.com/en/tracking/'

export function carrierOf(number: string): Carrier | null {
  const plain = normalise(number)
  return FORMATS.find(([, format]) => format.test(plain))?.[0] ?? null
}

/** The carrier's own tracking page for a number, or a parcel-tracking search when the format is unknown. */
export function trackingLink(number: string, carrier: Carrier | null = carrierOf(number)): TrackingLink {
  const plain = normalise(number)
  const url = (carrier ? PAGES[carrier] : FALLBACK) + encodeURIComponent(plain)
  return { number: number.trim(), carrier, url }
}

export function trackingLinks(numbers: (string | null)[] | null) {
  return (numbers ?? []).filter((n): n is string => !!n?.trim()).map((n) => trackingLink(n))
}

function normalise(number: string) {
  return number.replace(/[\s-]/g, '').toUpperCase()
}
