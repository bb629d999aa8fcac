import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import Job from '#models/job'
import { JobFactory } from '#database/factories/job_factory'
import StatusChange from '#models/status_change'
import { assertViolates } from '#tests/support/violations'

test.group('Job', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a queued job that reloads with its payload', async ({ assert }) => {
    const job = await JobFactory.merge({ payload: { photoId: 'abc', sizes: [1, 2] } }).create()
    const reloaded = await Job.findOrFail(job.id)
    assert.deepEqual(reloaded.payload, { photoId: 'abc', sizes: [1, 2] })
    assert.equal(reloaded.status, 'queued')
    assert.equal(reloaded.attempts, 0)
  })

  test('enqueue fills in the queue, attempts and run time', async ({ assert }) => {
    const job = await Job.enqueue('mail.send', { to: 'a@b.test' })
    const reloaded = await Job.findOrFail(job.id)
    assert.equal(reloaded.queue, 'default')
    assert.equal(reloaded.maxAttempts, 5)
    assert.isTrue(reloaded.runAt <= DateTime.now())
  })

  test('a worker claims a queued job, and a second claim of the same job loses', async ({ assert }) => {
    const job = await JobFactory.create()
    const stale = await Job.findOrFail(job.id)
    assert.isTrue(await job.claim('worker-1'))
    assert.isFalse(await stale.claim('worker-2'))
    const reloaded = await Job.findOrFail(job.id)
    assert.equal(reloaded.status, 'running')
    assert.equal(reloaded.lockedBy, 'worker-1')
    assert.equal(reloaded.attempts, 1)
    assert.equal(job.status, 'running')
    const history = await StatusChange.of('Job', job.id)
    assert.deepEqual(history.map((c) => [c.fromStatus, c.toStatus]), [['queued', 'running']])
  })

  test('a claimed job succeeds and is unlocked', async ({ assert }) => {
    const job = await JobFactory.create()
    assert.isTrue(await job.claim('worker-1'))
    assert.isTrue(await job.succeed())
    const reloaded = await Job.findOrFail(job.id)
    assert.equal(reloaded.status, 'done')
    assert.isNull(reloaded.lockedBy)
    assert.isNotNull(reloaded.finishedAt)
  })

  test('a failed attempt with attempts left is retried later with backoff', async ({ assert }) => {
    const job = await JobFactory.create()
    assert.isTrue(await job.claim('worker-1'))
    assert.isTrue(await job.fail(new Error('SMTP down')))
    const reloaded = await Job.findOrFail(job.id)
    assert.equal(reloaded.status, 'queued')
    assert.equal(reloaded.lastError, 'Error: SMTP down')
    const delay = reloaded.runAt.diff(DateTime.now(), 'seconds').seconds
    assert.isAbove(delay, 20)
    assert.isAtMost(delay, 31)
  })

  test('the last allowed attempt fails the job for good', async ({ assert }) => {
    const job = await JobFactory.merge({ maxAttempts: 1 }).create()
    assert.isTrue(await job.claim('worker-1'))
    assert.isTrue(await job.fail('boom'))
    const reloaded = await Job.findOrFail(job.id)
    assert.equal(reloaded.status, 'failed')
    assert.isFalse(reloaded.hasAttemptsLeft)
    assert.isNotNull(reloaded.finishedAt)
  })

  test('backoff doubles per attempt and is capped at an hour', ({ assert }) => {
    assert.deepEqual([1, 2, 3, 4].map(Job.backoffSeconds), [30, 60, 120, 240])
    assert.equal(Job.backoffSeconds(20), 3600)
  })

  test('an admin can retry a failed job with a fresh set of attempts', async ({ assert }) => {
    const job = await JobFactory.apply('failed').create()
    assert.isTrue(await job.retry())
    const reloaded = await Job.findOrFail(job.id)
    assert.equal(reloaded.status, 'queued')
    assert.equal(reloaded.attempts, 0)
    assert.isNull(reloaded.finishedAt)
  })

  test('a done job is not claimed, failed or retried', async ({ assert }) => {
    const job = await JobFactory.apply('done').create()
    assert.isFalse(await job.claim('worker-1'))
    assert.isFalse(await job.fail('x'))
    assert.isFalse(await job.retry())
    const reloaded = await Job.findOrFail(job.id)
    assert.equal(reloaded.status, 'done')
    assert.equal(reloaded.attempts, 1)
    assert.isNull(reloaded.lastError)
    assert.lengthOf(await StatusChange.of('Job', job.id), 0)
  })

  test('a queued job does not succeed without being claimed', async ({ assert }) => {
    const job = await JobFactory.create()
    assert.isFalse(await job.succeed())
    const reloaded = await Job.findOrFail(job.id)
    assert.equal(reloaded.status, 'queued')
    assert.isNull(reloaded.finishedAt)
  })

  test('a worker whose job was recovered and claimed again cannot finish it any more', async ({ assert }) => {
    const job = await JobFactory.create()
    assert.isTrue(await job.claim('slow-worker'))
    const recovered = await Job.findOrFail(job.id)
    assert.isTrue(await recovered.abandon(DateTime.now().plus({ minutes: 1 })))
    const other = await Job.findOrFail(job.id)
    assert.isTrue(await other.claim('worker-2'))

    assert.isFalse(await job.succeed())
    assert.isFalse(await job.fail('late'))
    const reloaded = await Job.findOrFail(job.id)
    assert.equal(reloaded.status, 'running')
    assert.equal(reloaded.lockedBy, 'worker-2')
    assert.equal(reloaded.attempts, 2)
  })

  test('a job whose worker finished after it was read as stale is not abandoned', async ({ assert }) => {
    const job = await JobFactory.apply('running').create()
    const seenAsStale = await Job.findOrFail(job.id)
    assert.isTrue(await job.succeed())
    assert.isFalse(await seenAsStale.abandon(DateTime.now().plus({ minutes: 1 })))
    assert.equal((await Job.findOrFail(job.id)).status, 'done')
  })

  test('a claim younger than the stale limit is not abandoned', async ({ assert }) => {
    const job = await JobFactory.apply('running').create()
    assert.isFalse(await job.abandon(DateTime.now().minus({ minutes: 15 })))
    const reloaded = await Job.findOrFail(job.id)
    assert.equal(reloaded.status, 'running')
    assert.equal(reloaded.lockedBy, 'worker-1')
  })

  test('the due scope lists queued jobs whose time has come, oldest first', async ({ assert }) => {
    const older = await JobFactory.merge({ runAt: DateTime.now().minus({ minutes: 10 }) }).create()
    const newer = await JobFactory.create()
    await JobFactory.apply('scheduled').create()
    await JobFactory.apply('running').create()
    const due = await Job.query().withScopes((s) => s.due())
    assert.deepEqual(due.map((j) => j.id), [older.id, newer.id])
  })

  test('the stale scope finds running jobs whose worker went quiet', async ({ assert }) => {
    const stuck = await JobFactory.apply('running').create()
    stuck.lockedAt = DateTime.now().minus({ hours: 2 })
    await stuck.save()
    await JobFactory.apply('running').create()
    const stale = await Job.query().withScopes((s) => s.stale(DateTime.now().minus({ minutes: 30 })))
    assert.deepEqual(stale.map((j) => j.id), [stuck.id])
  })

  test('the status must be a known one', async () => {
    await assertViolates(() => JobFactory.merge({ status: 'paused' as any }).create(), 'check')
  })

  test('attempts cannot be negative', async () => {
    await assertViolates(() => JobFactory.merge({ attempts: -1 }).create(), 'check')
  })

  test('a job allows at least one attempt', async () => {
    await assertViolates(() => JobFactory.merge({ maxAttempts: 0 }).create(), 'check')
  })
})
