import type { HttpContext } from '@adonisjs/core/http'
import { absoluteUrl } from '#services/site/structured_data'

/** Public site open to crawlers; accounts, galleries, checkout and the back office closed. */
const CLOSED = ['/admin', '/studio', '/photographer', '/portal', '/kiosk', '/g/', '/galleries/', '/book', '/cart', '/checkout', '/media/']

export default class RobotsController {
  show({ response }: HttpContext) {
    response.header('Content-Type', 'text/plain; charset=utf-8')
    response.header('Cache-Control', 'public, max-age=86400')
    return ['User-agent: *', ...CLOSED.map((path) => `Disallow: ${path}`), '', `Sitemap: ${absoluteUrl('sitemap.show')}`, ''].join('\n')
  }
}
