import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'command_runs'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.string('command', 120).notNullable()
      table.timestamp('started_at').notNullable()
      table.timestamp('finished_at').nullable()
      table.enum('status', ['running', 'succeeded', 'failed']).notNullable().defaultTo('running')
      table.json('summary').nullable()
      table.text('error').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.check('finished_at is null or finished_at >= started_at', [], 'command_runs_finished_check')
      table.index(['command', 'started_at'])
      table.index(['started_at'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
