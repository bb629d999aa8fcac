import http from 'node:http'

export interface PlainResponse {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

/**
 * A lean keep-alive HTTP client for a bench's own request loops. Global fetch spends about
 * a millisecond of CPU per request here, on the two cores the server under test shares with
 * it; node:http spends a fraction of that, as autocannon does for the baseline.
 */
export function plainClient(connections: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections })
  return {
    request(url: string, options: { method?: string; headers?: Record<string, string> } = {}) {
      return new Promise<PlainResponse>((resolve, reject) => {
        const request = http.request(url, { method: options.method ?? 'GET', headers: options.headers, agent }, (response) => {
          const chunks: Buffer[] = []
          response.on('data', (chunk: Buffer) => chunks.push(chunk))
          response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }))
          response.on('error', reject)
        })
        request.on('error', reject)
        request.end()
      })
    },
    close: () => agent.destroy(),
  }
}
