import type { ApiClient } from '@japa/api-client'
import { randomUUID } from 'node:crypto'
import Order from '#models/order'

/** A Californian address: 7.25 % tax, $8 standard shipping for prints. */
export const CALIFORNIA = {
  email: 'Guest@Example.com',
  name: 'Joan Jett',
  line1: '1 Rock Street',
  city: 'San Francisco',
  region: 'CA',
  postalCode: '94110',
  country: 'US',
}

/** Adds a print to a (new) guest cart; returns the cart cookie's token for later requests. */
export async function addToGuestCart(client: ApiClient, printOptionId: string, quantity: number, token?: string) {
  const request = client.post('/cart/items').form({ printOptionId, quantity }).withCsrfToken().redirects(0)
  if (token) request.withEncryptedCookie('cart', token)
  const response = await request
  return { response, token: token ?? (response.cookie('cart')?.value as string | undefined) }
}

/** Both steps of the checkout form: the quote, then "Place order" at the quoted total. */
export async function checkout(client: ApiClient, token: string, fields: Record<string, string> = {}) {
  const form = { ...CALIFORNIA, checkoutKey: randomUUID(), ...fields }
  const quote = await client.post('/checkout').form(form).withEncryptedCookie('cart', token).withCsrfToken().redirects(0)
  const total = quote.text().match(/name="expectedTotal" value="(\d+)"/)?.[1]
  if (!total) return { quote, placed: null, total: null }
  const placed = await client.post('/checkout').form({ ...form, expectedTotal: total }).withEncryptedCookie('cart', token).withCsrfToken().redirects(0)
  return { quote, placed, total: Number(total) }
}

/**
 * A guest's order of two prints of `printOptionId`, placed through the checkout form: the
 * order, its payment and where "Place order" sent the guest (the hosted page, or the order).
 */
export async function placeGuestOrder(client: ApiClient, printOptionId: string, fields: Record<string, string> = {}) {
  const { token } = await addToGuestCart(client, printOptionId, 2)
  const { placed } = await checkout(client, token!, fields)
  const email = (fields.email ?? CALIFORNIA.email).toLowerCase()
  const order = await Order.query().where('customer_email', email).preload('payments').orderBy('created_at', 'desc').firstOrFail()
  return { order, payment: order.payments[0], placed: placed!, payAt: placed!.header('location') as string }
}
