import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'

/**
 * For load balancers and `npm start`: 200 when the database answers, 503 otherwise.
 * It says nothing more to the world: why the database is unavailable (host, user,
 * driver message) goes to the log only.
 */
export default class HealthController {
  async show({ response }: HttpContext) {
    const started = performance.now()
    try {
      await db.rawQuery('select 1')
      const latencyMs = Math.round((performance.now() - started) * 10) / 10
      return response.ok({ status: 'ok', database: { ok: true, latencyMs } })
    } catch (error) {
      logger.error({ err: error }, 'health: the database is unavailable')
      return response.serviceUnavailable({ status: 'unavailable', database: { ok: false } })
    }
  }
}
