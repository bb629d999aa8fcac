import net from 'node:net'

export interface CountedQuery {
  sql: string
}

/**
 * A TCP pass-through between the app and PostgreSQL that reads the client's side of the
 * wire protocol and records every statement sent: simple queries ('Q') and extended-
 * protocol executions ('E', with the SQL of the preceding Parse 'P'), which is how
 * node-postgres sends queries with bindings. Nothing in the app changes, no logging is
 * switched on: what the server sends is what is counted. Used for counting only; the
 * load runs connect to PostgreSQL directly.
 */
export class PgQueryCounter {
  queries: CountedQuery[] = []
  #server = net.createServer((client) => this.#pipe(client))
  #sockets = new Set<net.Socket>()

  constructor(private target: { host: string; port: number }) {}

  async listen() {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve))
    return (this.#server.address() as net.AddressInfo).port
  }

  /** The statements recorded since the last call. */
  take() {
    const taken = this.queries
    this.queries = []
    return taken
  }

  async close() {
    for (const socket of this.#sockets) socket.destroy()
    await new Promise((resolve) => this.#server.close(resolve))
  }

  #pipe(client: net.Socket) {
    const upstream = net.connect(this.target.port, this.target.host)
    this.#sockets.add(client).add(upstream)
    upstream.on('data', (chunk) => client.write(chunk))
    upstream.on('close', () => client.destroy())
    client.on('close', () => upstream.destroy())
    client.on('error', () => upstream.destroy())
    upstream.on('error', () => client.destroy())

    let pending = Buffer.alloc(0)
    let started = false
    let parsed: string | null = null
    client.on('data', (chunk) => {
      upstream.write(chunk)
      pending = Buffer.concat([pending, chunk])
      // The startup message has no type byte: length, then protocol version.
      if (!started) {
        if (pending.length < 4) return
        const length = pending.readInt32BE(0)
        if (pending.length < length) return
        pending = pending.subarray(length)
        started = true
      }
      while (pending.length >= 5) {
        const type = String.fromCharCode(pending[0])
        const length = pending.readInt32BE(1)
        if (pending.length < 1 + length) break
        const body = pending.subarray(5, 1 + length)
        if (type === 'Q') this.queries.push({ sql: cString(body, 0) })
        if (type === 'P') parsed = cString(body, body.indexOf(0) + 1)
        if (type === 'E') this.queries.push({ sql: parsed ?? '(prepared statement)' })
        pending = pending.subarray(1 + length)
      }
    })
  }
}

function cString(buffer: Buffer, start: number) {
  const end = buffer.indexOf(0, start)
  return buffer.subarray(start, end === -1 ? undefined : end).toString('utf8')
}
