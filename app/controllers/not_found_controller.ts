import type { HttpContext } from '@adonisjs/core/http'
import { errors } from '@adonisjs/core'

export default class NotFoundController {
  handle({ request }: HttpContext) {
    throw new errors.E_ROUTE_NOT_FOUND([request.method(), request.url()])
  }
}
