import type { HttpContext } from '@adonisjs/core/http'
import LoadKioskBoard from '#actions/kiosk/load_kiosk_board'
import { manageOrders } from '#abilities/main'

/** The front desk's home on a computer: today's sessions at a glance, the board for the tablet. */
export default class DeskController {
  async show({ view, bouncer }: HttpContext) {
    const board = await LoadKioskBoard.handle()
    return view.render('pages/kiosk/desk/show', { board, canShipOrders: await bouncer.allows(manageOrders) })
  }
}
