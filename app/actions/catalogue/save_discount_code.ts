import { DateTime } from 'luxon'
import DiscountCode from '#models/discount_code'
import RecordAudit from '#actions/audit/record_audit'
import type { DiscountCodeInput } from '#validators/discount_code'
import type { Actor } from '#support/actor'

export type SaveDiscountCodeResult = { ok: true; code: DiscountCode } | { ok: false; reason: 'percent_over_100'; message: string }

/** Creates or updates a discount code; money typed in dollars is stored in cents, a percent stays whole. */
export default class SaveDiscountCode {
  static async handle(actor: Actor, input: DiscountCodeInput, code: DiscountCode = new DiscountCode()): Promise<SaveDiscountCodeResult> {
    if (input.kind === 'percent' && (input.amount > 100 || !Number.isInteger(input.amount))) {
      return { ok: false, reason: 'percent_over_100', message: 'A percent is a whole number up to 100' }
    }
    const creating = !code.$isPersisted
    const cents = (dollars?: number) => (dollars === undefined ? null : Math.round(dollars * 100))
    const buyXGetY = input.appliesTo === 'buy_x_get_y'
    code.merge({
      code: input.code,
      description: input.description || null,
      kind: input.kind,
      appliesTo: input.appliesTo,
      amount: input.kind === 'percent' ? input.amount : Math.round(input.amount * 100),
      startsAt: input.startsAt ? DateTime.fromJSDate(input.startsAt).startOf('day') : null,
      endsAt: input.endsAt ? DateTime.fromJSDate(input.endsAt).endOf('day') : null,
      minOrderAmount: cents(input.minOrderAmount),
      maxRedemptions: input.maxRedemptions ?? null,
      maxPerCustomer: input.maxPerCustomer ?? null,
      buyQuantity: buyXGetY ? input.buyQuantity! : null,
      getQuantity: buyXGetY ? input.getQuantity! : null,
    })
    await code.save()
    await RecordAudit.handle(actor, { action: creating ? 'discount_code.created' : 'discount_code.updated', subject: { type: 'discount_code', id: code.id }, details: { code: code.code } })
    return { ok: true, code }
  }
}
