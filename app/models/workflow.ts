import { column, hasMany, hasManyThrough, scope } from '@adonisjs/lucid/orm'
import type { HasMany, HasManyThrough } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import WorkflowStep from '#models/workflow_step'
import WorkflowRun from '#models/workflow_run'
import { booleanColumn } from '#models/concerns/boolean_column'

export const WORKFLOW_TRIGGERS = [
  'inquiry.created',
  'session.booked',
  'session.confirmed',
  'session.completed',
  'session.cancelled',
  'gallery.published',
  'gallery.expiring',
  'contract.sent',
  'order.shipped',
  'order.delivered',
  'installment.failed',
] as const
export type WorkflowTrigger = (typeof WORKFLOW_TRIGGERS)[number]

/** An automation: when `trigger` happens to a subject, its steps run in order after their delays. */
export default class Workflow extends AppModel {
  @column()
  declare name: string

  @column()
  declare description: string | null

  @column()
  declare trigger: WorkflowTrigger

  @booleanColumn()
  declare active: boolean

  @hasMany(() => WorkflowStep, { onQuery: (query) => query.orderBy('position') })
  declare steps: HasMany<typeof WorkflowStep>

  @hasManyThrough([() => WorkflowRun, () => WorkflowStep])
  declare runs: HasManyThrough<typeof WorkflowRun>

  static active = scope((query) => {
    query.where('active', true)
  })

  static triggeredBy = scope((query, trigger: WorkflowTrigger) => {
    query.where('trigger', trigger)
  })
}
