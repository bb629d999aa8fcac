import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A guest's shop order gets an invoice too: `user_id` becomes nullable, and every invoice
 * names who it is billed to (the account's name and email as they were, or the order's),
 * back-filled here from the accounts.
 */
export default class extends BaseSchema {
  protected tableName = 'invoices'

  // SQLite rebuilds the table to drop NOT NULL. knex switches foreign_keys off for that only
  // outside a transaction; with it on, dropping the old table would cascade to invoice_items.
  static disableTransactions = true

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.string('billed_to_name', 255).nullable()
      table.string('billed_to_email', 254).nullable()
    })
    this.defer(async (db) => {
      const user = (column: string) => `(select ${column} from users where users.id = invoices.user_id)`
      await db.rawQuery(`update invoices set billed_to_name = ${user(`trim(first_name || ' ' || coalesce(last_name, ''))`)}, billed_to_email = ${user('email')}`)
    })
    this.schema.alterTable(this.tableName, (table) => {
      table.uuid('user_id').nullable().alter()
    })
  }

  async down() {
    this.defer(async (db) => {
      const guests = db.from(this.tableName).whereNull('user_id').select('id')
      for (const table of ['payments', 'refunds', 'payment_plans']) await db.from(table).whereIn('invoice_id', guests).update({ invoice_id: null })
      await db.from('invoice_items').whereIn('invoice_id', guests).delete()
      await db.from(this.tableName).whereNull('user_id').delete()
    })
    this.schema.alterTable(this.tableName, (table) => {
      table.uuid('user_id').notNullable().alter()
      table.dropColumn('billed_to_name')
      table.dropColumn('billed_to_email')
    })
  }
}
