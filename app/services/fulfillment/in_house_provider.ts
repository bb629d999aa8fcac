import type { FulfillmentProvider, LabOrder, LabOrderRequest } from '#services/fulfillment/fulfillment_provider'

/**
 * The studio's own printer: "submitting" puts the item in the print queue (the admin's
 * order page, with the print file to download); staff move it on by hand.
 */
export class InHouseProvider implements FulfillmentProvider {
  readonly name = 'in_house' as const
  readonly reportsDelivery = false

  async createOrder(request: LabOrderRequest): Promise<LabOrder> {
    return { providerOrderId: `in-house-${request.itemId}`, status: 'submitted', trackingNumber: null }
  }

  /** Nothing to find: createOrder names the queue entry by the item, so repeating it is harmless. */
  async findOrder(): Promise<LabOrder | null> {
    return null
  }

  async getOrder(providerOrderId: string): Promise<LabOrder> {
    return { providerOrderId, status: 'submitted', trackingNumber: null }
  }

  async cancelOrder() {}
}
