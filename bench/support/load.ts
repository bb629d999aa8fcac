import autocannon from 'autocannon'

export interface LoadResult {
  average: number
  /** Every response time, sorted (ms). */
  times: number[]
  total: number
  non2xx: number
  /** Responses by HTTP status. */
  statuses: Record<number, number>
  errors: number
  timeouts: number
  p50: number
  p95: number
  p99: number
}

/**
 * autocannon on one URL for `duration` seconds. A slow page is measured, not dropped (120 s
 * timeout). Every response time is kept, so any percentile can be read (autocannon's own
 * summary has no p95).
 */
export function load(
  url: string,
  options: { connections: number; duration: number; headers?: Record<string, string>; requests?: autocannon.Request[] }
) {
  const times: number[] = []
  const statuses: Record<number, number> = {}
  return new Promise<LoadResult>((resolve, reject) => {
    const instance = autocannon(
      { url, connections: options.connections, duration: options.duration, timeout: 120, headers: options.headers ?? {}, requests: options.requests },
      (error, result) => {
        if (error) return reject(error)
        times.sort((a, b) => a - b)
        const at = (p: number) => (times.length ? times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] : NaN)
        resolve({
          times,
          average: result.requests.average,
          total: result.requests.total,
          non2xx: result.non2xx,
          statuses,
          errors: result.errors,
          timeouts: result.timeouts,
          p50: at(50),
          p95: at(95),
          p99: at(99),
        })
      }
    )
    instance.on('response', (_client: unknown, status: number, _bytes: number, responseTime: number) => {
      times.push(responseTime)
      statuses[status] = (statuses[status] ?? 0) + 1
    })
  })
}

/** Several runs of one URL as one: requests per second over their total time, percentiles over all responses. */
export function combine(runs: LoadResult[]): LoadResult {
  const times = runs.flatMap((run) => run.times).sort((a, b) => a - b)
  const at = (p: number) => (times.length ? times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] : NaN)
  const sum = (pick: (run: LoadResult) => number) => runs.reduce((total, run) => total + pick(run), 0)
  return {
    times,
    average: sum((run) => run.average) / runs.length,
    total: sum((run) => run.total),
    non2xx: sum((run) => run.non2xx),
    statuses: runs.reduce<Record<number, number>>((all, run) => {
      for (const [status, count] of Object.entries(run.statuses)) all[Number(status)] = (all[Number(status)] ?? 0) + count
      return all
    }, {}),
    errors: sum((run) => run.errors),
    timeouts: sum((run) => run.timeouts),
    p50: at(50),
    p95: at(95),
    p99: at(99),
  }
}

/**
 * Requests autocannon gave up on at the end of a run are still being served: waits until
 * a lone request to `url` answers quickly again, so one run's backlog doesn't slow the next.
 */
export async function settle(url: string) {
  const deadline = Date.now() + 120_000
  let quick = 0
  while (quick < 3 && Date.now() < deadline) {
    const started = performance.now()
    await (await fetch(url)).text()
    quick = performance.now() - started < 25 ? quick + 1 : 0
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
