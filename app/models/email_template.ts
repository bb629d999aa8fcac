import { column, hasMany, scope } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import WorkflowStep from '#models/workflow_step'
import { booleanColumn } from '#models/concerns/boolean_column'

/** An admin-editable email, found by its key (`session.booked`); body is Markdown with {{fields}}. */
export default class EmailTemplate extends AppModel {
  @column()
  declare key: string

  @column()
  declare name: string

  @column()
  declare description: string | null

  @column()
  declare subject: string

  @column()
  declare body: string

  @booleanColumn()
  declare active: boolean

  @hasMany(() => WorkflowStep)
  declare workflowSteps: HasMany<typeof WorkflowStep>

  static active = scope((query) => {
    query.where('active', true)
  })
}
