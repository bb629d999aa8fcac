import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'

export default class HealthController {
  async show({ response }: HttpContext) {
    const started = performance.now()
    try {
      await db.rawQuery('select 1')
      const latencyMs = Math.round((performance.now() - started) * 10) / 10
      return response.ok({ status: 'ok', database: { ok: true, connection: db.primaryConnectionName, latencyMs } })
    } catch (error) {
      return response.serviceUnavailable({ status: 'error', database: { ok: false, error: (error as Error).message } })
    }
  }
}
