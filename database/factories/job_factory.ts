import factory from '@adonisjs/lucid/factories'
import { DateTime } from 'luxon'
import Job from '#models/job'

export const JobFactory = factory
  .define(Job, ({ faker }) => ({
    queue: 'default',
    name: faker.helpers.arrayElement(['images.process', 'mail.send', 'fulfillment.submit', 'workflows.step']),
    payload: { id: faker.string.uuid() },
    status: 'queued' as const,
    attempts: 0,
    maxAttempts: 5,
    runAt: DateTime.now().minus({ seconds: 5 }),
  }))
  .state('scheduled', (job) => (job.runAt = DateTime.now().plus({ hours: 1 })))
  .state('running', (job) => {
    job.status = 'running'
    job.attempts = 1
    job.lockedAt = DateTime.now().minus({ seconds: 10 })
    job.lockedBy = 'worker-1'
  })
  .state('done', (job) => {
    job.status = 'done'
    job.attempts = 1
    job.finishedAt = DateTime.now().minus({ minutes: 1 })
  })
  .state('failed', (job) => {
    job.status = 'failed'
    job.attempts = job.maxAttempts
    job.lastError = 'Error: connection refused'
    job.finishedAt = DateTime.now().minus({ minutes: 1 })
  })
  .build()
