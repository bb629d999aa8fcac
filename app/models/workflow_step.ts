import { belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import Workflow from '#models/workflow'
import WorkflowRun from '#models/workflow_run'
import EmailTemplate from '#models/email_template'
import type User from '#models/user'
import { jsonColumn } from '#models/concerns/json_column'

export const WORKFLOW_ACTIONS = ['send_email', 'notify', 'set_lifecycle'] as const
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number]

/** Free-form parameters of a `notify` step (who is told, and what). */
export type WorkflowStepSettings = { recipient?: 'customer' | 'staff'; message?: string }

/** One step of a workflow: an action taken `delay_minutes` after the trigger. */
export default class WorkflowStep extends AppModel {
  @column()
  declare workflowId: string

  @column()
  declare position: number

  @column()
  declare delayMinutes: number

  @column()
  declare action: WorkflowAction

  @column()
  declare emailTemplateId: string | null

  @column()
  declare lifecycleStage: User['lifecycleStage'] | null

  @jsonColumn()
  declare settings: WorkflowStepSettings | null

  @belongsTo(() => Workflow)
  declare workflow: BelongsTo<typeof Workflow>

  @belongsTo(() => EmailTemplate)
  declare emailTemplate: BelongsTo<typeof EmailTemplate>

  @hasMany(() => WorkflowRun)
  declare runs: HasMany<typeof WorkflowRun>
}
