import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import ShieldMiddleware from '@adonisjs/shield/shield_middleware'

test.group('Shield middleware', () => {
  test('every request gets the same instance (its guards built once, not per request)', async ({ assert }) => {
    const first = await app.container.make(ShieldMiddleware)
    assert.instanceOf(first, ShieldMiddleware)
    assert.strictEqual(await app.container.make(ShieldMiddleware), first)
  })
})
