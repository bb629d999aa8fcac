import { LabUnavailableError } from '#services/fulfillment/fulfillment_provider'

export interface LabHttpOptions {
  /** Per attempt. */
  timeoutMs: number
  attempts: number
  /** First back-off; doubled after each failed attempt. */
  backoffMs: number
}

export const DEFAULT_LAB_HTTP: LabHttpOptions = { timeoutMs: 10_000, attempts: 4, backoffMs: 500 }

export class LabHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown
  ) {
    super(`Lab answered ${status}`)
  }
}

/**
 * One JSON request to a lab's API, retried with exponential back-off on timeouts,
 * network errors, 429 and 5xx. A 4xx other than 429 is the lab's answer, thrown at once
 * as LabHttpError (the caller may know what it means, e.g. "already exists").
 */
export async function labRequest<T>(url: string, init: RequestInit, options: LabHttpOptions = DEFAULT_LAB_HTTP): Promise<T> {
  let lastError: unknown = null
  for (let attempt = 0; attempt < options.attempts; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, options.backoffMs * 2 ** (attempt - 1)))
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(options.timeoutMs) })
      const text = await response.text()
      const body = text ? JSON.parse(text) : null
      if (response.ok) return body as T
      if (response.status !== 429 && response.status < 500) throw new LabHttpError(response.status, body)
      lastError = new LabHttpError(response.status, body)
    } catch (error) {
      if (error instanceof LabHttpError && error.status !== 429 && error.status < 500) throw error
      lastError = error
    }
  }
  throw new LabUnavailableError(`${init.method ?? 'GET'} ${url} failed after ${options.attempts} attempts: ${String((lastError as Error)?.message ?? lastError)}`)
}
