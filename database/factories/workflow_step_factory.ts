import factory from '@adonisjs/lucid/factories'
import WorkflowStep from '#models/workflow_step'
import { WorkflowFactory } from '#database/factories/workflow_factory'
import { EmailTemplateFactory } from '#database/factories/email_template_factory'
import { WorkflowRunFactory } from '#database/factories/workflow_run_factory'
import { ensureParent } from '#database/factories/support/parent'

/** A `notify` step (it needs no template); states `sendEmail` and `setLifecycle` fill what they need. */
export const WorkflowStepFactory = factory
  .define(WorkflowStep, ({ faker }) => ({
    position: faker.number.int({ min: 1, max: 1_000_000 }),
    delayMinutes: 0,
    action: 'notify' as const,
    settings: { recipient: 'staff' as const, message: 'Something needs your attention' },
  }))
  .before('create', async (builder, step, ctx) => {
    step.workflowId = (await ensureParent(builder, 'workflow', step.workflowId, () =>
      WorkflowFactory.query().useCtx(ctx).create()
    ))!
    if (step.action === 'send_email') {
      step.emailTemplateId = (await ensureParent(builder, 'emailTemplate', step.emailTemplateId, () =>
        EmailTemplateFactory.query().useCtx(ctx).create()
      ))!
    }
  })
  .state('sendEmail', (step) => {
    step.action = 'send_email'
    step.settings = null
  })
  .state('setLifecycle', (step) => {
    step.action = 'set_lifecycle'
    step.lifecycleStage = 'booked'
    step.settings = null
  })
  .relation('workflow', () => WorkflowFactory)
  .relation('emailTemplate', () => EmailTemplateFactory)
  .relation('runs', () => WorkflowRunFactory)
  .build()
