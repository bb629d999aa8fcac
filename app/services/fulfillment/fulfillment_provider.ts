/**
 * A print lab that makes and ships order items: the studio itself (`in_house`, a print
 * queue) or a print-on-demand service over its REST API (`printful`, `gooten`). Every
 * request names the order item as the lab's external id, so a retried or repeated
 * submission finds the lab order already made instead of making a second one.
 */
export interface LabOrderRequest {
  /** Our order item id: the lab's external id (idempotency key). */
  itemId: string
  orderNumber: string
  recipient: { name: string; line1: string; line2?: string | null; city: string; region?: string | null; postalCode: string; country: string; email: string; phone?: string | null }
  /** The lab's variant id (Printful's or Gooten's). */
  variantId: string
  quantity: number
  /** A short-lived signed URL of the print file (the original, cropped, never watermarked). */
  fileUrl: string
}

export type LabStatus = 'submitted' | 'in_production' | 'shipped' | 'delivered' | 'cancelled' | 'failed'

export interface LabOrder {
  providerOrderId: string
  status: LabStatus
  trackingNumber: string | null
}

export interface FulfillmentProvider {
  readonly name: 'in_house' | 'printful' | 'gooten'
  /** Whether the lab tells us a parcel was delivered (else an item's news ends at shipped). */
  readonly reportsDelivery: boolean
  /** Creates the lab order, or returns the one already made for this item. */
  createOrder(request: LabOrderRequest): Promise<LabOrder>
  /** The lab order already made for this item, found by our id; null if none (or the lab can't search). */
  findOrder(itemId: string): Promise<LabOrder | null>
  /** Where the lab's order stands now. */
  getOrder(providerOrderId: string): Promise<LabOrder>
  cancelOrder(providerOrderId: string): Promise<void>
}

/** The lab could not be reached or kept failing after the retries. */
export class LabUnavailableError extends Error {}
