import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'jobs'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary()
      table.string('queue', 60).notNullable().defaultTo('default')
      table.string('name', 120).notNullable()
      table.json('payload').nullable()
      table.enum('status', ['queued', 'running', 'done', 'failed']).notNullable().defaultTo('queued')
      table.integer('attempts').notNullable().defaultTo(0)
      table.integer('max_attempts').notNullable().defaultTo(5)
      table.timestamp('run_at').notNullable()
      table.timestamp('locked_at').nullable()
      table.string('locked_by', 120).nullable()
      table.text('last_error').nullable()
      table.timestamp('finished_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.check('attempts >= 0 and max_attempts >= 1', [], 'jobs_attempts_check')
      table.index(['status', 'run_at'])
      table.index(['queue', 'status', 'run_at'])
      table.index(['name'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
