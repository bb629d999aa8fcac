import type { FulfillmentProvider, LabOrder, LabOrderRequest, LabStatus } from '#services/fulfillment/fulfillment_provider'
import { DEFAULT_LAB_HTTP, LabHttpError, labRequest, type LabHttpOptions } from '#services/fulfillment/lab_http'

type PrintfulOrder = { id: number; external_id: string; status: string; shipments?: { tracking_number: string | null }[] }

const STATUSES: Record<string, LabStatus> = {
  draft: 'submitted',
  pending: 'submitted',
  inprocess: 'in_production',
  onhold: 'in_production',
  partial: 'in_production',
  fulfilled: 'shipped',
  canceled: 'cancelled',
  failed: 'failed',
}

/**
 * Printful's Orders API (v1): orders are created confirmed, with our order item id as
 * `external_id`; `GET /orders/@{external_id}` finds one again.
 */
export class PrintfulProvider implements FulfillmentProvider {
  readonly name = 'printful' as const
  readonly reportsDelivery = false

  constructor(
    private baseUrl: string,
    private apiKey: string,
    private http: LabHttpOptions = DEFAULT_LAB_HTTP
  ) {}

  private request<T>(path: string, init: RequestInit = {}) {
    const headers = { 'Authorization': `Bearer ${this.apiKey}`, 'Content-Type': 'application/json' }
    return labRequest<{ code: number; result: T }>(`${this.baseUrl}${path}`, { ...init, headers }, this.http)
  }

  async createOrder(request: LabOrderRequest): Promise<LabOrder> {
    const body = {
      external_id: request.itemId,
      recipient: {
        name: request.recipient.name,
        address1: request.recipient.line1,
        address2: request.recipient.line2 ?? undefined,
        city: request.recipient.city,
        state_code: request.recipient.region ?? undefined,
        zip: request.recipient.postalCode,
        country_code: request.recipient.country,
        email: request.recipient.email,
        phone: request.recipient.phone ?? undefined,
      },
      items: [{ external_id: request.itemId, variant_id: Number(request.variantId) || request.variantId, quantity: request.quantity, files: [{ url: request.fileUrl }] }],
    }
    try {
      const { result } = await this.request<PrintfulOrder>('/orders?confirm=true', { method: 'POST', body: JSON.stringify(body) })
      return toLabOrder(result)
    } catch (error) {
      // A retry after a lost answer: the order exists under our external id already. A repeated
      // external_id is refused with 409; 400 is checked too, as a missed one would resend forever.
      const existing = error instanceof LabHttpError && [400, 409].includes(error.status) ? await this.findOrder(request.itemId) : null
      if (existing) return existing
      throw error
    }
  }

  async findOrder(itemId: string): Promise<LabOrder | null> {
    try {
      return await this.getOrder(`@${itemId}`)
    } catch (error) {
      if (error instanceof LabHttpError && error.status === 404) return null
      throw error
    }
  }

  async getOrder(providerOrderId: string): Promise<LabOrder> {
    const { result } = await this.request<PrintfulOrder>(`/orders/${encodeURIComponent(providerOrderId)}`)
    return toLabOrder(result)
  }

  async cancelOrder(providerOrderId: string) {
    await this.request(`/orders/${encodeURIComponent(providerOrderId)}`, { method: 'DELETE' })
  }
}

function toLabOrder(order: PrintfulOrder): LabOrder {
  return {
    providerOrderId: String(order.id),
    status: STATUSES[order.status] ?? 'submitted',
    trackingNumber: order.shipments?.find((s) => s.tracking_number)?.tracking_number ?? null,
  }
}
