import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type User from '#models/user'
import ShippingAddress from '#models/shipping_address'
import type { AddressSnapshot } from '#models/order'
import { DemoRandom } from '#database/demo/random'

// prettier-ignore
const STREETS = ['Guadalupe St', 'Red River St', 'S Congress Ave', 'E 6th St', 'Barton Springs Rd', 'Manor Rd', 'Airport Blvd']
const TOWNS = [
  { city: 'Austin', postalCode: '78704' },
  { city: 'Austin', postalCode: '78702' },
  { city: 'Round Rock', postalCode: '78664' },
  { city: 'Pflugerville', postalCode: '78660' },
  { city: 'Georgetown', postalCode: '78626' },
]

/** A made-up address near the studio, the same for the same seed on every run. */
export function demoAddress(seed: string, name: string): AddressSnapshot {
  const rng = new DemoRandom(seed)
  const town = rng.pick(TOWNS)
  return {
    name,
    line1: `${rng.int(100, 4999)} ${rng.pick(STREETS)}`,
    line2: rng.chance(0.25) ? `Apt ${rng.int(1, 40)}` : null,
    city: town.city,
    region: 'TX',
    postalCode: town.postalCode,
    country: 'US',
    phone: null,
  }
}

/** A default address for each customer, and a second (grandparents') for every fourth; found by user and line 1. */
export async function seedShippingAddresses(client: QueryClientContract, customers: User[]) {
  for (const [index, customer] of customers.entries()) {
    const wanted = [{ ...demoAddress(`home:${customer.email}`, customer.fullName), isDefault: true }]
    if (index % 4 === 0) {
      const name = `${customer.lastName ?? customer.firstName} grandparents`
      wanted.push({ ...demoAddress(`grandparents:${customer.email}`, name), isDefault: false })
    }
    for (const address of wanted) {
      await ShippingAddress.firstOrCreate(
        { userId: customer.id, line1: address.line1 },
        { ...address, userId: customer.id, phone: customer.phone },
        { client }
      )
    }
  }
}

/** The address an order ships to: the customer's default, else a generated one. */
export async function addressFor(client: QueryClientContract, user: User | null, fallbackSeed: string, name: string) {
  if (!user) return demoAddress(fallbackSeed, name)
  const address = await ShippingAddress.query({ client }).where('user_id', user.id).where('is_default', true).first()
  return address ? address.toSnapshot() : demoAddress(fallbackSeed, name)
}
