import { PassThrough } from 'node:stream'
import type { HttpContext } from '@adonisjs/core/http'
import { boardEvents } from '#services/kiosk/board_events'

const HEARTBEAT_MS = 20_000

/**
 * Server-sent events: every check-in on any tablet reaches the others at once (they then
 * refetch their board fragment). Tablets without EventSource, or whose stream broke, poll.
 */
export default class BoardEventsController {
  async show({ request, response }: HttpContext) {
    const stream = new PassThrough()
    stream.write('retry: 2000\n: connected\n\n')
    const unsubscribe = boardEvents.subscribe((change) => stream.write(`event: board\ndata: ${JSON.stringify(change)}\n\n`))
    const heartbeat = setInterval(() => stream.write(': ping\n\n'), HEARTBEAT_MS)
    request.request.once('close', () => {
      clearInterval(heartbeat)
      unsubscribe()
      stream.end()
    })
    response.header('Content-Type', 'text/event-stream')
    response.header('Cache-Control', 'no-cache, no-transform')
    response.header('X-Accel-Buffering', 'no')
    response.stream(stream)
  }
}
