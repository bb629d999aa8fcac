import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import Job from '#models/job'
import StatusChange from '#models/status_change'
import { JobFactory } from '#database/factories/job_factory'
import { JobWorker } from '#services/jobs/worker'
import { truncateAfterEach } from '#tests/support/truncate'

/** Running since an hour ago, locked by a worker that died. */
const deadWorkersJob = () =>
  Job.create({ name: 'media.process', payload: {}, status: 'running', attempts: 1, lockedAt: DateTime.now().minus({ hours: 1 }), lockedBy: 'dead' })

test.group('Job state machine under concurrency', (group) => {
  group.each.setup(() => truncateAfterEach)

  test('three workers claim one queued job: one runs it, one attempt counted', async ({ assert }) => {
    const job = await JobFactory.create()
    const copies = await Promise.all([1, 2, 3].map(() => Job.findOrFail(job.id)))
    const claimed = await Promise.all(copies.map((copy, index) => copy.claim(`worker-${index + 1}`)))
    assert.equal(claimed.filter(Boolean).length, 1)
    const reloaded = await Job.findOrFail(job.id)
    assert.equal(reloaded.attempts, 1)
    assert.equal(reloaded.lockedBy, `worker-${claimed.indexOf(true) + 1}`)
    assert.lengthOf(await StatusChange.of('Job', job.id), 1)
  })

  test('two processes starting at once recover a dead worker\'s job once', async ({ assert }) => {
    const job = await deadWorkersJob()
    const recovered = await Promise.all([new JobWorker().recoverStale(), new JobWorker().recoverStale()])
    assert.equal(recovered[0] + recovered[1], 1)
    const reloaded = await Job.findOrFail(job.id)
    assert.equal(reloaded.status, 'queued')
    assert.equal(reloaded.attempts, 1)
    assert.lengthOf(await StatusChange.of('Job', job.id), 1)
  })

  test('the worker finishing while a restart recovers it: exactly one outcome', async ({ assert }) => {
    const job = await deadWorkersJob()
    const [worker, recoverer] = await Promise.all([Job.findOrFail(job.id), Job.findOrFail(job.id)])
    const results = await Promise.all([worker.succeed(), recoverer.abandon(DateTime.now().minus({ minutes: 15 }))])
    assert.equal(results.filter(Boolean).length, 1)
    const history = await StatusChange.of('Job', job.id)
    assert.lengthOf(history, 1)
    assert.equal((await Job.findOrFail(job.id)).status, history[0].toStatus)
  })
})
