import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'
import { CommandRunFactory } from '#database/factories/command_run_factory'
import type { CommandSummary } from '#models/command_run'
import StudioSetting from '#models/studio_setting'
import ListCommandRuns from '#actions/operations/list_command_runs'

/** A succeeded run (merged by hand: the factory's states would replace the summary). */
function succeeded(command: string, summary: CommandSummary, startedAt: DateTime = DateTime.now().minus({ minutes: 5 })) {
  return { command, status: 'succeeded' as const, startedAt, finishedAt: startedAt.plus({ seconds: 1 }), summary }
}

test.group('Admin: command runs', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an admin sees each run with its status, duration and counts', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const startedAt = DateTime.now().minus({ hours: 1 })
    await CommandRunFactory.merge({
      command: 'galleries:expire',
      status: 'succeeded',
      startedAt,
      finishedAt: startedAt.plus({ seconds: 125 }),
      summary: { dry_run: false, expired: 2, notified: 1, emails: 3 },
    }).create()
    await CommandRunFactory.apply('failed').merge({ command: 'galleries:remind' }).create()
    await CommandRunFactory.merge({ command: 'galleries:remind', summary: { dry_run: true } }).create()

    const response = await client.get('/admin/command-runs').loginAs(admin)
    response.assertStatus(200)
    response.assertTextIncludes('<h1>Command runs</h1>')
    response.assertTextIncludes('<code>galleries:expire</code>')
    response.assertTextIncludes('Expired: 2 · Notified: 1 · Emails: 3')
    response.assertTextIncludes('2 min 5 s')
    response.assertTextIncludes('Succeeded')
    response.assertTextIncludes('Failed')
    response.assertTextIncludes('Database connection lost')
    response.assertTextIncludes('Running')
    response.assertTextIncludes('Dry run')
    response.assertTextIncludes('aria-label="Command runs per day, last seven days"')
    response.assertTextIncludes('aria-label="Command runs by status"')
    assert.include(response.text(), `href="/admin/command-runs"`)
  })

  test('the list filters by command, and an htmx filter answers only the fragment', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    await CommandRunFactory.merge(succeeded('galleries:expire', { expired: 4 })).create()
    await CommandRunFactory.merge(succeeded('galleries:remind', { emails: 9 })).create()

    const filtered = await client.get('/admin/command-runs').qs({ command: 'galleries:remind' }).loginAs(admin)
    filtered.assertTextIncludes('Emails: 9')
    assert.notInclude(filtered.text(), 'Expired: 4')
    filtered.assertTextIncludes('<option value="galleries:expire" >galleries:expire</option>')

    const fragment = await client.get('/admin/command-runs').qs({ command: 'galleries:expire' }).header('hx-request', 'true').loginAs(admin)
    fragment.assertStatus(200)
    fragment.assertTextIncludes('Expired: 4')
    assert.notInclude(fragment.text(), 'Emails: 9')
    assert.notInclude(fragment.text(), '<html')
  })

  test('runs are paginated, newest first', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const now = DateTime.now()
    await CommandRunFactory.merge(
      Array.from({ length: 26 }, (_, index) => succeeded('galleries:remind', { emails: index }, now.minus({ hours: index + 1 })))
    ).createMany(26)

    const first = await client.get('/admin/command-runs').loginAs(admin)
    first.assertTextIncludes('26 in all')
    first.assertTextIncludes('Emails: 0')
    assert.notInclude(first.text(), 'Emails: 25')

    const second = await client.get('/admin/command-runs').qs({ page: 2 }).loginAs(admin)
    second.assertTextIncludes('Emails: 25')
    assert.notInclude(second.text(), 'Emails: 0')
  })

  test('an empty list says so', async ({ client }) => {
    const admin = await UserFactory.apply('admin').create()
    const response = await client.get('/admin/command-runs').loginAs(admin)
    response.assertStatus(200)
    response.assertTextIncludes('No command runs yet')
  })

  test('the charts count the last seven days\' runs per day, and runs per status', async ({ assert }) => {
    const { timezone } = await StudioSetting.current()
    const noon = DateTime.now().setZone(timezone).set({ hour: 12, minute: 0, second: 0, millisecond: 0 })
    await CommandRunFactory.merge(succeeded('galleries:expire', {}, noon.minus({ hours: 1 }))).create()
    await CommandRunFactory.merge(succeeded('galleries:expire', {}, noon.minus({ hours: 2 }))).create()
    await CommandRunFactory.merge(succeeded('galleries:remind', {}, noon.minus({ days: 3 }))).create()
    await CommandRunFactory.apply('failed').merge({ command: 'galleries:expire', startedAt: noon.minus({ days: 10 }) }).create()

    const all = await ListCommandRuns.handle({}, noon)
    assert.deepEqual(all.perDay.map((day) => day.value), [0, 0, 0, 1, 0, 0, 2])
    assert.equal(all.perDay[6].label, noon.toFormat('ccc d LLL'))
    assert.deepEqual(all.perStatus, [
      { status: 'running', value: 0 },
      { status: 'succeeded', value: 3 },
      { status: 'failed', value: 1 },
    ])
    assert.deepEqual(all.commands, ['galleries:expire', 'galleries:remind'])

    const expiries = await ListCommandRuns.handle({ command: 'galleries:expire' }, noon)
    assert.deepEqual(expiries.perDay.map((day) => day.value), [0, 0, 0, 0, 0, 0, 2])
    assert.equal(expiries.runs.total, 3)
  })

  test('customers and photographers cannot see command runs', async ({ client }) => {
    for (const role of ['customer', 'photographer'] as const) {
      const user = await UserFactory.apply(role).create()
      const response = await client.get('/admin/command-runs').loginAs(user)
      response.assertStatus(403)
    }
  })
})
