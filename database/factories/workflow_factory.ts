import factory from '@adonisjs/lucid/factories'
import Workflow from '#models/workflow'
import { WorkflowStepFactory } from '#database/factories/workflow_step_factory'

export const WorkflowFactory = factory
  .define(Workflow, ({ faker }) => ({
    name: `${faker.lorem.words(2)} ${faker.string.alphanumeric(6)}`,
    description: null,
    trigger: 'session.booked' as const,
    active: true,
  }))
  .state('inactive', (workflow) => (workflow.active = false))
  .relation('steps', () => WorkflowStepFactory)
  .build()
