import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'workflow_runs'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.uuid('workflow_step_id').notNullable().references('id').inTable('workflow_steps').onDelete('CASCADE')
      // Polymorphic subject (inquiry, photo_session, gallery, order…): no FK, indexed.
      table.string('subject_type', 60).notNullable()
      table.uuid('subject_id').notNullable()
      table.timestamp('due_at').notNullable()
      table
        .enum('status', ['pending', 'running', 'done', 'failed', 'skipped', 'cancelled'])
        .notNullable()
        .defaultTo('pending')
      table.integer('attempts').notNullable().defaultTo(0)
      table.text('last_error').nullable()
      table.timestamp('done_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      // One run per step and subject: a trigger firing twice schedules nothing twice.
      table.unique(['workflow_step_id', 'subject_type', 'subject_id'])
      table.index(['subject_type', 'subject_id'])
      table.index(['status', 'due_at'])
      table.check('attempts >= 0')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
