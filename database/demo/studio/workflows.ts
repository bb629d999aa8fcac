import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import Workflow, { type WorkflowTrigger } from '#models/workflow'
import WorkflowStep, { type WorkflowAction, type WorkflowStepSettings } from '#models/workflow_step'
import EmailTemplate from '#models/email_template'
import type User from '#models/user'

type StepSpec = {
  action: WorkflowAction
  delayMinutes: number
  template?: string
  stage?: User['lifecycleStage']
  settings?: WorkflowStepSettings
}

const HOUR = 60
const DAY = 24 * HOUR

export const DEMO_WORKFLOWS: {
  name: string
  trigger: WorkflowTrigger
  description: string
  active: boolean
  steps: StepSpec[]
}[] = [
  {
    name: 'New inquiry follow-up',
    trigger: 'inquiry.created',
    description: 'Thank the prospect at once, tell the desk, nudge after three days.',
    active: true,
    steps: [
      { action: 'send_email', delayMinutes: 0, template: 'inquiry.received' },
      { action: 'notify', delayMinutes: 0, settings: { recipient: 'staff', message: 'New inquiry to answer' } },
      { action: 'send_email', delayMinutes: 3 * DAY, template: 'inquiry.follow_up' },
    ],
  },
  {
    name: 'Booking confirmation',
    trigger: 'session.booked',
    description: 'Confirm the booking, send the agreement, mark the family booked.',
    active: true,
    steps: [
      { action: 'send_email', delayMinutes: 0, template: 'session.booked' },
      { action: 'set_lifecycle', delayMinutes: 0, stage: 'booked' },
      { action: 'send_email', delayMinutes: 10, template: 'contract.sent' },
    ],
  },
  {
    name: 'After the session',
    trigger: 'session.completed',
    description: 'Thank the family the next morning and mark them active.',
    active: true,
    steps: [
      { action: 'set_lifecycle', delayMinutes: 0, stage: 'active' },
      { action: 'send_email', delayMinutes: 18 * HOUR, template: 'session.thank_you' },
    ],
  },
  {
    name: 'Gallery delivery',
    trigger: 'gallery.published',
    description: 'Email the access code and show a notice in the portal.',
    active: true,
    steps: [
      { action: 'send_email', delayMinutes: 0, template: 'gallery.published' },
      { action: 'notify', delayMinutes: 0, settings: { recipient: 'customer', message: 'Your gallery is ready' } },
    ],
  },
  {
    name: 'Gallery expiry reminder',
    trigger: 'gallery.expiring',
    description: 'Remind the family before the gallery closes.',
    active: true,
    steps: [{ action: 'send_email', delayMinutes: 0, template: 'gallery.expiring' }],
  },
  {
    name: 'Order shipped',
    trigger: 'order.shipped',
    description: 'Send tracking, then ask for a review after delivery.',
    active: true,
    steps: [
      { action: 'send_email', delayMinutes: 0, template: 'order.shipped' },
      { action: 'notify', delayMinutes: 0, settings: { recipient: 'customer', message: 'Your order has shipped' } },
    ],
  },
  {
    name: 'Failed installment',
    trigger: 'installment.failed',
    description: 'Ask for a new card and tell the desk.',
    active: true,
    steps: [
      { action: 'send_email', delayMinutes: 0, template: 'installment.failed' },
      { action: 'notify', delayMinutes: 0, settings: { recipient: 'staff', message: 'A plan payment failed' } },
    ],
  },
  {
    name: 'Review request (paused)',
    trigger: 'order.delivered',
    description: 'Switched off while the review page is redesigned.',
    active: false,
    steps: [{ action: 'send_email', delayMinutes: 2 * DAY, template: 'order.delivered' }],
  },
]

export async function seedWorkflows(client: QueryClientContract) {
  const templates = new Map((await EmailTemplate.query({ client })).map((template) => [template.key, template.id]))
  for (const spec of DEMO_WORKFLOWS) {
    const workflow = await Workflow.firstOrCreate(
      { name: spec.name },
      { name: spec.name, trigger: spec.trigger, description: spec.description, active: spec.active },
      { client }
    )
    for (const [index, step] of spec.steps.entries()) {
      await WorkflowStep.firstOrCreate(
        { workflowId: workflow.id, position: index + 1 },
        {
          workflowId: workflow.id,
          position: index + 1,
          action: step.action,
          delayMinutes: step.delayMinutes,
          emailTemplateId: step.template ? (templates.get(step.template) ?? null) : null,
          lifecycleStage: step.stage ?? null,
          settings: step.settings ?? null,
        },
        { client }
      )
    }
  }
}
