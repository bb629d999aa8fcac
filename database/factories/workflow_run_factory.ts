import factory from '@adonisjs/lucid/factories'
import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import WorkflowRun from '#models/workflow_run'
import { WorkflowStepFactory } from '#database/factories/workflow_step_factory'
import { ensureParent } from '#database/factories/support/parent'

/** A pending run, due a minute ago, for a made-up inquiry id (subjects are polymorphic). */
export const WorkflowRunFactory = factory
  .define(WorkflowRun, () => ({
    subjectType: 'inquiry',
    subjectId: randomUUID(),
    dueAt: DateTime.now().minus({ minutes: 1 }),
    status: 'pending' as const,
    attempts: 0,
  }))
  .before('create', async (builder, run, ctx) => {
    run.workflowStepId = (await ensureParent(builder, 'step', run.workflowStepId, () =>
      WorkflowStepFactory.query().useCtx(ctx).create()
    ))!
  })
  .state('later', (run) => (run.dueAt = DateTime.now().plus({ days: 1 })))
  .state('running', (run) => {
    run.status = 'running'
    run.attempts = 1
  })
  .state('done', (run) => {
    run.status = 'done'
    run.attempts = 1
    run.doneAt = DateTime.now()
  })
  .state('failed', (run) => {
    run.status = 'failed'
    run.attempts = 1
    run.lastError = 'SMTP connection refused'
  })
  .relation('step', () => WorkflowStepFactory)
  .build()
