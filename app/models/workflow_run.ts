import { DateTime } from 'luxon'
import { belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import WorkflowStep from '#models/workflow_step'
import { assertTransition } from '#models/concerns/state_machine'

export const WORKFLOW_RUN_STATUSES = ['pending', 'running', 'done', 'failed', 'skipped', 'cancelled'] as const
export type WorkflowRunStatus = (typeof WORKFLOW_RUN_STATUSES)[number]

const TRANSITIONS: Record<WorkflowRunStatus, readonly WorkflowRunStatus[]> = {
  pending: ['running', 'skipped', 'cancelled'],
  running: ['done', 'failed', 'skipped'],
  failed: ['pending', 'cancelled'],
  done: [],
  skipped: [],
  cancelled: [],
}

/** One scheduled execution of a workflow step for one subject (an inquiry, a session…). */
export default class WorkflowRun extends AppModel {
  @column()
  declare workflowStepId: string

  @column()
  declare subjectType: string

  @column()
  declare subjectId: string

  @column.dateTime()
  declare dueAt: DateTime

  @column()
  declare status: WorkflowRunStatus

  @column()
  declare attempts: number

  @column()
  declare lastError: string | null

  @column.dateTime()
  declare doneAt: DateTime | null

  @belongsTo(() => WorkflowStep)
  declare step: BelongsTo<typeof WorkflowStep>

  /** Pending runs whose time has come, oldest first. */
  static due = scope((query, now: DateTime = DateTime.now()) => {
    const at = now.toFormat(query.client.dialect.dateTimeFormat)
    query.where('status', 'pending').where('due_at', '<=', at).orderBy('due_at')
  })

  static forSubject = scope((query, subjectType: string, subjectId: string) => {
    query.where('subject_type', subjectType).where('subject_id', subjectId)
  })

  async start() {
    this.moveTo('running')
    this.attempts += 1
    await this.save()
  }

  async complete() {
    this.moveTo('done')
    this.doneAt = DateTime.now()
    this.lastError = null
    await this.save()
  }

  async fail(error: string) {
    this.moveTo('failed')
    this.lastError = error
    await this.save()
  }

  async retry(at: DateTime = DateTime.now()) {
    this.moveTo('pending')
    this.dueAt = at
    await this.save()
  }

  /** The step no longer applies (the subject changed state, the workflow was switched off). */
  async skip() {
    this.moveTo('skipped')
    this.doneAt = DateTime.now()
    await this.save()
  }

  async cancel() {
    this.moveTo('cancelled')
    await this.save()
  }

  private moveTo(to: WorkflowRunStatus) {
    assertTransition('Workflow run', this.status, to, TRANSITIONS)
    this.status = to
  }
}
