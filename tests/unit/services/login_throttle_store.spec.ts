import { test } from '@japa/runner'
import limiter from '@adonisjs/limiter/services/main'
import db from '@adonisjs/lucid/services/db'

/*
| The app's default store is the database (LIMITER_STORE, see .env.example); the
| rest of the suite uses memory because this store writes outside test transactions.
*/
test.group('Rate limits in the database store', (group) => {
  group.each.teardown(() => limiter.clear(['database']))

  test('failures are counted in rate_limits and block once the limit is reached', async ({ assert }) => {
    const store = limiter.use('database', { requests: 3, duration: '1 minute', blockDuration: '5 mins' })
    const key = `test:${Date.now()}`
    await store.increment(key)
    await store.increment(key)
    const row = await db.from('rate_limits').where('key', 'like', `%${key}`).first()
    assert.equal(Number(row.points), 2)
    assert.isFalse(await store.isBlocked(key))

    await store.increment(key)
    await store.block(key, store.blockDuration)
    assert.isTrue(await store.isBlocked(key))
    assert.closeTo(await store.availableIn(key), 300, 2)
  })
})
