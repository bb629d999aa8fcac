import { test } from '@japa/runner'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import db from '@adonisjs/lucid/services/db'
import { freePort, startLoupe } from '#tests/support/processes'

/*
| `npm start` as an operator runs it, in a child process: each case gets its own
| database path and drive root in a fresh temporary folder, so nothing exists yet.
*/
test.group('npm start', (group) => {
  let scratch: string
  group.each.setup(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'loupe-start-'))
    return () => rm(scratch, { recursive: true, force: true })
  })

  const base = () => ({ HOST: '127.0.0.1', APP_KEY: 'start-spec-key-0123456789abcdef0123', LOG_LEVEL: 'warn', JOBS_IN_PROCESS: 'false' })

  test('in production it creates its folders, serves /health and seeds no demo logins', async ({ assert, cleanup }) => {
    const port = await freePort()
    const sqlite = join(scratch, 'not', 'yet', 'loupe.sqlite3')
    const loupe = startLoupe({ ...base(), NODE_ENV: 'production', PORT: String(port), SQLITE_PATH: sqlite, DRIVE_ROOT: join(scratch, 'storage') })
    cleanup(() => loupe.stop())

    // A cold start compiles the app and runs every migration: minutes on a loaded 2-core machine.
    await loupe.waitFor('Loupe is running', 200_000)
    const health = await fetch(`http://127.0.0.1:${port}/health`)
    assert.equal(health.status, 200)
    assert.isTrue(existsSync(join(scratch, 'storage')))

    const printed = loupe.output()
    assert.include(printed, 'node ace user:create --email=')
    assert.notInclude(printed, 'loupe-demo-2026')
    assert.notInclude(printed, 'Demo logins')
    db.manager.add('npm_start', { client: 'better-sqlite3', connection: { filename: sqlite }, useNullAsDefault: true })
    cleanup(() => db.manager.close('npm_start', true))
    const [{ total }] = await db.connection('npm_start').from('users').count('* as total')
    assert.equal(Number(total), 0)
  }).timeout(240_000)

  test('a SQLite file that cannot be opened ends it with one line naming the path', async ({ assert }) => {
    const loupe = startLoupe({ ...base(), PORT: String(await freePort()), SQLITE_PATH: '/dev/null/loupe.sqlite3' })
    const code = await loupe.exited
    assert.notEqual(code, 0)
    const lines = loupe.output().trim().split('\n').filter((line) => line.includes('/dev/null/loupe.sqlite3'))
    assert.lengthOf(lines, 1)
    assert.match(lines[0], /Cannot open the SQLite database at \/dev\/null\/loupe\.sqlite3/)
    assert.notInclude(loupe.output(), 'Acquire connection error')
  }).timeout(60_000)

  test('an unreachable PostgreSQL ends it with one line naming host and database', async ({ assert }) => {
    const unused = await freePort()
    const loupe = startLoupe({ ...base(), PORT: String(await freePort()), DB_CONNECTION: 'pg', PG_HOST: '127.0.0.1', PG_PORT: String(unused), PG_DB_NAME: 'loupe_nowhere' })
    const code = await loupe.exited
    assert.notEqual(code, 0)
    assert.match(loupe.output(), /Cannot open the PostgreSQL database "loupe_nowhere" on 127\.0\.0\.1:\d+/)
    assert.notInclude(loupe.output(), 'at ')
  }).timeout(60_000)
})
