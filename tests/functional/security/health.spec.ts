import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'

test.group('GET /health', () => {
  test('a database that fails answers 503 "unavailable" without its error, which goes to the log', async ({ client, assert, cleanup }) => {
    const secretish = 'password authentication failed for user "loupe" at db.internal:5432'
    const rawQuery = db.rawQuery
    db.rawQuery = (() => Promise.reject(new Error(secretish))) as any
    cleanup(() => {
      db.rawQuery = rawQuery
    })
    const logged: unknown[] = []
    const error = logger.error
    logger.error = ((...args: unknown[]) => logged.push(args)) as any
    cleanup(() => {
      logger.error = error
    })

    const response = await client.get('/health')
    response.assertStatus(503)
    response.assertBody({ status: 'unavailable', database: { ok: false } })
    assert.notInclude(response.text(), 'password')
    assert.notInclude(response.text(), 'db.internal')
    assert.include(JSON.stringify(logged.map((args: any) => [args[0]?.err?.message, args[1]])), secretish.replace(/"/g, '\\"'))
  })

  test('a working database answers 200', async ({ client }) => {
    const response = await client.get('/health')
    response.assertStatus(200)
    response.assertBodyContains({ status: 'ok', database: { ok: true } })
  })
})
