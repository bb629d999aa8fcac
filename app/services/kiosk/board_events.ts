import { EventEmitter } from 'node:events'
import env from '#start/env'

/** What the other tablets hear: a session of the day changed. */
export interface BoardChange {
  sessionId: string
  status: string
}

type Listener = (change: BoardChange) => void

/** How board changes travel between app processes: one interface, two providers. */
export interface BoardTransport {
  publish(change: BoardChange): Promise<void>
  subscribe(listener: Listener): () => void
}

/** One process: an in-memory event bus (the default, and what tests use). */
export class MemoryTransport implements BoardTransport {
  #bus = new EventEmitter().setMaxListeners(0)

  async publish(change: BoardChange) {
    this.#bus.emit('change', change)
  }

  subscribe(listener: Listener) {
    this.#bus.on('change', listener)
    return () => this.#bus.off('change', listener)
  }
}

const CHANNEL = 'kiosk:board'

/** Several app processes (KIOSK_EVENTS=redis): Redis pub/sub, fanned out locally by a memory bus. */
export class RedisTransport implements BoardTransport {
  #local = new MemoryTransport()
  #subscribed = false

  async publish(change: BoardChange) {
    const { default: redis } = await import('@adonisjs/redis/services/main')
    await redis.publish(CHANNEL, JSON.stringify(change))
  }

  subscribe(listener: Listener) {
    if (!this.#subscribed) {
      this.#subscribed = true
      import('@adonisjs/redis/services/main').then(({ default: redis }) =>
        redis.subscribe(CHANNEL, (message: string) => this.#local.publish(JSON.parse(message)))
      )
    }
    return this.#local.subscribe(listener)
  }
}

export const boardEvents: BoardTransport = env.get('KIOSK_EVENTS', 'memory') === 'redis' ? new RedisTransport() : new MemoryTransport()
