import type { FulfillmentProvider, LabOrder, LabOrderRequest, LabStatus } from '#services/fulfillment/fulfillment_provider'
import { DEFAULT_LAB_HTTP, LabHttpError, labRequest, type LabHttpOptions } from '#services/fulfillment/lab_http'

type GootenOrder = { Id: string; Items: { Status: string; TrackingNumber?: string | null }[] }

const STATUSES: Record<string, LabStatus> = {
  'Received': 'submitted',
  'New': 'submitted',
  'In Production': 'in_production',
  'Ready To Ship': 'in_production',
  'Shipped': 'shipped',
  'Delivered': 'delivered',
  'Cancelled': 'cancelled',
}

/**
 * Gooten's Orders API: the partner's recipe id in the query, our order item id as
 * `SourceId`; a repeated SourceId is answered 409 with the existing order's id.
 */
export class GootenProvider implements FulfillmentProvider {
  readonly name = 'gooten' as const
  readonly reportsDelivery = true

  constructor(
    private baseUrl: string,
    private recipeId: string,
    private billingKey: string,
    private http: LabHttpOptions = DEFAULT_LAB_HTTP
  ) {}

  private url(path: string, qs: Record<string, string> = {}) {
    return `${this.baseUrl}${path}?${new URLSearchParams({ recipeid: this.recipeId, ...qs })}`
  }

  async createOrder(request: LabOrderRequest): Promise<LabOrder> {
    const body = {
      SourceId: request.itemId,
      ShipToAddress: {
        FirstName: request.recipient.name,
        Line1: request.recipient.line1,
        Line2: request.recipient.line2 ?? undefined,
        City: request.recipient.city,
        State: request.recipient.region ?? undefined,
        PostalCode: request.recipient.postalCode,
        CountryCode: request.recipient.country,
        Email: request.recipient.email,
        Phone: request.recipient.phone ?? undefined,
      },
      Items: [{ SKU: request.variantId, Quantity: request.quantity, SourceId: request.itemId, Images: [{ Url: request.fileUrl }] }],
      Payment: { PartnerBillingKey: this.billingKey },
    }
    try {
      const { Id } = await labRequest<{ Id: string }>(this.url('/orders/'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }, this.http)
      return { providerOrderId: Id, status: 'submitted', trackingNumber: null }
    } catch (error) {
      if (error instanceof LabHttpError && error.status === 409) return this.getOrder(String((error.body as { Id?: string })?.Id))
      throw error
    }
  }

  /** Gooten can't be searched by SourceId; createOrder's 409 names the existing order instead. */
  async findOrder(): Promise<LabOrder | null> {
    return null
  }

  async getOrder(providerOrderId: string): Promise<LabOrder> {
    const order = await labRequest<GootenOrder>(this.url('/orders/', { id: providerOrderId }), { method: 'GET' }, this.http)
    const item = order.Items[0]
    return { providerOrderId: order.Id, status: STATUSES[item?.Status] ?? 'submitted', trackingNumber: item?.TrackingNumber ?? null }
  }

  async cancelOrder(providerOrderId: string) {
    await labRequest(this.url(`/orders/${encodeURIComponent(providerOrderId)}/cancel`), { method: 'POST' }, this.http)
  }
}
