import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'workflow_steps'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('workflow_id').notNullable().references('id').inTable('workflows').onDelete('CASCADE')
      table.integer('position').notNullable()
      table.integer('delay_minutes').notNullable().defaultTo(0)
      table.enum('action', ['send_email', 'notify', 'set_lifecycle']).notNullable()
      // A template still used by a step cannot be deleted out from under it.
      table.uuid('email_template_id').nullable().references('id').inTable('email_templates').onDelete('RESTRICT')
      table.enum('lifecycle_stage', ['lead', 'prospect', 'booked', 'active', 'past', 'repeat']).nullable()
      table.json('settings').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.unique(['workflow_id', 'position'])
      table.index(['email_template_id'])
      table.check('position >= 1')
      table.check('delay_minutes >= 0')
      table.check("action <> 'send_email' or email_template_id is not null")
      table.check("action <> 'set_lifecycle' or lifecycle_stage is not null")
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
