import { DateTime } from 'luxon'
import { belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import WorkflowStep from '#models/workflow_step'
import { defineStateMachine, transition, type ChangeOptions } from '#models/concerns/state_machine'

export const WORKFLOW_RUN_STATUSES = ['pending', 'running', 'done', 'failed', 'skipped', 'cancelled'] as const
export type WorkflowRunStatus = (typeof WORKFLOW_RUN_STATUSES)[number]

export const workflowRunStates = defineStateMachine<WorkflowRunStatus>('WorkflowRun', {
  pending: ['running', 'skipped', 'cancelled'],
  running: ['done', 'failed', 'skipped'],
  failed: ['pending', 'cancelled'],
  done: [],
  skipped: [],
  cancelled: [],
})

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

  /** Counts the attempt; the count read is checked in the same UPDATE. */
  start(options: ChangeOptions = {}) {
    const attempts = this.attempts
    return transition(this, workflowRunStates, 'running', {
      ...options,
      set: { attempts: attempts + 1 },
      where: (query) => query.where('attempts', attempts),
    })
  }

  complete(options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    return transition(this, workflowRunStates, 'done', { ...options, now, set: { doneAt: now, lastError: null } })
  }

  fail(error: string, options: ChangeOptions = {}) {
    return transition(this, workflowRunStates, 'failed', { ...options, set: { lastError: error } })
  }

  retry(at: DateTime = DateTime.now(), options: ChangeOptions = {}) {
    return transition(this, workflowRunStates, 'pending', { ...options, set: { dueAt: at } })
  }

  /** The step no longer applies (the subject changed state, the workflow was switched off). */
  skip(options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    return transition(this, workflowRunStates, 'skipped', { ...options, now, set: { doneAt: now } })
  }

  cancel(options: ChangeOptions = {}) {
    return transition(this, workflowRunStates, 'cancelled', options)
  }
}
