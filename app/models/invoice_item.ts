import { belongsTo, column, computed } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import Invoice from '#models/invoice'

/** One line of an invoice. */
export default class InvoiceItem extends AppModel {
  @column()
  declare invoiceId: string

  @column()
  declare description: string

  @column()
  declare quantity: number

  @column()
  declare unitAmount: number

  @column()
  declare position: number

  @belongsTo(() => Invoice)
  declare invoice: BelongsTo<typeof Invoice>

  @computed()
  get lineTotal() {
    return this.quantity * this.unitAmount
  }
}
