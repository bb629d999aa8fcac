import type { Group } from '@japa/runner/core'
import { PrintfulProvider } from '#services/fulfillment/printful_provider'
import { GootenProvider } from '#services/fulfillment/gooten_provider'
import { useFulfillmentProviders } from '#services/fulfillment/providers'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

type Fault = { status?: number; delayMs?: number; afterCreate?: boolean }

async function bodyOf(request: IncomingMessage) {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  const text = Buffer.concat(chunks).toString()
  return text ? JSON.parse(text) : null
}

/** A local HTTP server with a queue of faults to play on the next requests (errors, slow answers). */
abstract class FakeLab {
  server!: Server
  url = ''
  requests: { method: string; path: string; body: any }[] = []
  private faults: Fault[] = []

  /** The next requests fail: a status, a slow answer (timeout), or a 500 after the order was made (a lost answer). */
  failNext(...faults: Fault[]) {
    this.faults.push(...faults)
  }

  async start() {
    this.server = createServer((request, response) => this.handle(request, response))
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this
  }

  stop() {
    this.server.closeAllConnections()
    return new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private async handle(request: IncomingMessage, response: ServerResponse) {
    const body = await bodyOf(request)
    const url = new URL(request.url!, 'http://lab')
    this.requests.push({ method: request.method!, path: url.pathname, body })
    const fault = this.faults.shift()
    if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs))
    if (fault?.status && !fault.afterCreate) return this.send(response, fault.status, { error: 'injected' })
    const [status, payload] = this.route(request.method!, url, body, request.headers)
    if (fault?.afterCreate) return this.send(response, 500, { error: 'lost answer' })
    this.send(response, status, payload)
  }

  protected send(response: ServerResponse, status: number, payload: unknown) {
    if (response.destroyed) return
    response.writeHead(status, { 'Content-Type': 'application/json' })
    response.end(JSON.stringify(payload))
  }

  protected abstract route(method: string, url: URL, body: any, headers: IncomingMessage['headers']): [number, unknown]
}

/** Printful's Orders API, as much as Loupe uses: create (unique external_id), get by id or @external_id, cancel (a pending order only, as Printful). */
export class FakePrintful extends FakeLab {
  orders = new Map<string, { id: number; external_id: string; status: string; shipments: { tracking_number: string }[]; body: any }>()
  private nextId = 1000

  ship(externalId: string, trackingNumber: string) {
    const order = this.orders.get(externalId)!
    order.status = 'fulfilled'
    order.shipments = [{ tracking_number: trackingNumber }]
  }

  startPrinting(externalId: string) {
    this.orders.get(externalId)!.status = 'inprocess'
  }

  protected route(method: string, url: URL, body: any, headers: IncomingMessage['headers']): [number, unknown] {
    if (headers.authorization !== 'Bearer test-printful-key') return [401, { code: 401, error: { message: 'Unauthorized' } }]
    if (method === 'POST' && url.pathname === '/orders') {
      if (this.orders.has(body.external_id)) return [409, { code: 409, error: { message: 'Order with this external ID already exists' } }]
      const order = { id: this.nextId++, external_id: body.external_id, status: 'pending', shipments: [], body }
      this.orders.set(body.external_id, order)
      return [200, { code: 200, result: order }]
    }
    const match = decodeURIComponent(url.pathname).match(/^\/orders\/(@?[\w-]+)$/)
    if (match) {
      const key = decodeURIComponent(match[1])
      const order = key.startsWith('@') ? this.orders.get(key.slice(1)) : [...this.orders.values()].find((o) => String(o.id) === key)
      if (!order) return [404, { code: 404, error: { message: 'Not found' } }]
      if (method === 'DELETE') {
        if (!['draft', 'pending', 'failed', 'onhold', 'canceled'].includes(order.status)) return [400, { code: 400, result: 'This order can not be cancelled', error: { reason: 'BadRequest', message: 'This order can not be cancelled' } }]
        order.status = 'canceled'
      }
      return [200, { code: 200, result: order }]
    }
    return [404, { code: 404 }]
  }
}

/** Gooten's Orders API: create (unique SourceId, 409 names the order), get by id, cancel (before production). */
export class FakeGooten extends FakeLab {
  orders = new Map<string, { Id: string; SourceId: string; Items: { Status: string; TrackingNumber: string | null }[]; body: any }>()
  private nextId = 1

  ship(sourceId: string, trackingNumber: string) {
    const order = this.orders.get(sourceId)!
    order.Items[0] = { Status: 'Shipped', TrackingNumber: trackingNumber }
  }

  protected route(method: string, url: URL, body: any): [number, unknown] {
    if (url.searchParams.get('recipeid') !== 'test-recipe') return [401, { HadError: true }]
    if (method === 'POST' && url.pathname === '/orders/') {
      if (body.Payment?.PartnerBillingKey !== 'test-billing') return [401, { HadError: true }]
      const existing = this.orders.get(body.SourceId)
      if (existing) return [409, { HadError: true, Id: existing.Id }]
      const order = { Id: `G-${this.nextId++}`, SourceId: body.SourceId, Items: [{ Status: 'Received', TrackingNumber: null }], body }
      this.orders.set(body.SourceId, order)
      return [201, { Id: order.Id }]
    }
    if (method === 'GET' && url.pathname === '/orders/') {
      const order = [...this.orders.values()].find((o) => o.Id === url.searchParams.get('id'))
      return order ? [200, order] : [404, { HadError: true }]
    }
    const cancel = method === 'POST' && decodeURIComponent(url.pathname).match(/^\/orders\/([\w-]+)\/cancel$/)
    if (cancel) {
      const order = [...this.orders.values()].find((o) => o.Id === cancel[1])
      if (!order) return [404, { HadError: true }]
      if (!['Received', 'New', 'Cancelled'].includes(order.Items[0].Status)) return [400, { HadError: true, Errors: [{ ErrorMessage: 'The order can no longer be cancelled' }] }]
      order.Items[0] = { Status: 'Cancelled', TrackingNumber: null }
      return [200, { HadError: false }]
    }
    return [404, {}]
  }
}

/**
 * A test group's labs: a fresh FakePrintful and FakeGooten per test, with Loupe's real
 * adapters pointed at them (fast retries), stopped after it. Read `labs.printful` / `labs.gooten`.
 */
export function useFakeLabs(group: Group) {
  const labs = {} as { printful: FakePrintful; gooten: FakeGooten }
  group.each.setup(async () => {
    labs.printful = await new FakePrintful().start()
    labs.gooten = await new FakeGooten().start()
    useFulfillmentProviders({
      printful: new PrintfulProvider(labs.printful.url, 'test-printful-key', FAST_LABS),
      gooten: new GootenProvider(labs.gooten.url, 'test-recipe', 'test-billing', FAST_LABS),
    })
    return async () => {
      useFulfillmentProviders({})
      await labs.printful.stop()
      await labs.gooten.stop()
    }
  })
  return labs
}

/** Short timeouts and back-off, so a test of retries takes milliseconds. */
export const FAST_LABS = { timeoutMs: 300, attempts: 4, backoffMs: 5 }
