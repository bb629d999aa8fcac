import type { HttpContext } from '@adonisjs/core/http'
import OrderPolicy from '#policies/order_policy'
import ListPrintQueue from '#actions/shop/list_print_queue'
import { printFileUrl } from '#actions/shop/send_item_to_lab'
import { mediaUrl } from '#services/media/media_urls'

/** The studio printer's queue: in-house items to print and ship, each with a fresh print-file link. */
export default class PrintQueueController {
  async show({ bouncer, view }: HttpContext) {
    await bouncer.with(OrderPolicy).authorize('manage')
    const items = await ListPrintQueue.handle()
    const rows = items.map((item) => {
      const asset = item.artwork?.mediaAsset ?? item.photo?.mediaAsset
      return { item, fileUrl: printFileUrl(item), thumb: asset?.status === 'ready' ? mediaUrl(asset.id, 'thumb', 'studio') : null }
    })
    return view.render('pages/admin/print_queue/show', { rows })
  }
}
