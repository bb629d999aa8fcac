import factory from '@adonisjs/lucid/factories'
import { DateTime } from 'luxon'
import CommandRun from '#models/command_run'

export const CommandRunFactory = factory
  .define(CommandRun, ({ faker }) => ({
    command: faker.helpers.arrayElement(['billing:run', 'galleries:expire', 'transformations:purge', 'workflows:run']),
    startedAt: DateTime.now().minus({ minutes: 5 }),
    status: 'running' as const,
    summary: null,
  }))
  .state('succeeded', (run) => {
    run.status = 'succeeded'
    run.finishedAt = run.startedAt.plus({ seconds: 12 })
    run.summary = { processed: 12, failed: 0 }
  })
  .state('failed', (run) => {
    run.status = 'failed'
    run.finishedAt = run.startedAt.plus({ seconds: 3 })
    run.error = 'Database connection lost'
  })
  .build()
