import env from '#start/env'
import { deflatedPart, splicedGzip, type DeflatedPart } from '#support/http/spliced_gzip'

/**
 * Rendered pages kept by this process for a short while. A copy is kept as UTF-8 bytes cut
 * where the request's own CSP nonce and CSRF token go, so serving it is a copy of bytes,
 * with no render. Any model saved or deleted in this process, and any state change, drops
 * every copy at once; what a key doesn't name and another process changes shows within
 * the TTL.
 */
export interface KeptPage<Meta = unknown> {
  at: number
  generation: number
  /** Bytes (deflated too, for gzip), and between them which per-request value goes there. */
  parts: (DeflatedPart | 'nonce' | 'csrf')[]
  meta: Meta
}

/** What a kept public page answers with besides its bytes. */
export interface PublicPageMeta {
  etag: string
  maxAge: number
  visit: KeptVisit | null
}

export interface KeptVisit {
  name: string
  subject?: { type: string; id: string }
}

/** Bumped by any change in this process: every memory's copies are dropped at once. */
let generation = 0

/** A memory of rendered pages: `max` copies at most, each for `ttlMs`. */
export function pageMemory<Meta>(options: { ttlMs: number; max: number }) {
  const pages = new Map<string, KeptPage<Meta>>()
  return {
    ttlMs: options.ttlMs,

    /** Something a kept page may show changed in this process (drops every memory's copies). */
    forget() {
      generation++
    },

    get(key: string, now = Date.now()) {
      const page = pages.get(key)
      if (!page) return null
      if (page.generation !== generation || now - page.at > this.ttlMs) {
        pages.delete(key)
        return null
      }
      return page
    },

    keep(key: string, html: string, tokens: { nonce?: string; csrf?: string }, meta: Meta) {
      if (this.ttlMs <= 0) return
      pages.delete(key)
      if (pages.size >= options.max) pages.delete(pages.keys().next().value!)
      pages.set(key, { meta, at: Date.now(), generation, parts: cut(html, tokens) })
    },

    /** The kept page's bytes with this request's nonce and token put back, gzipped if asked. */
    fill(page: KeptPage<Meta>, tokens: { nonce?: string; csrf?: string }, options: { gzip?: boolean } = {}) {
      const nonce = Buffer.from(tokens.nonce ?? '')
      const csrf = Buffer.from(tokens.csrf ?? '')
      const parts = page.parts.map((part) => (part === 'nonce' ? nonce : part === 'csrf' ? csrf : part))
      if (options.gzip) return splicedGzip(parts)
      return Buffer.concat(parts.map((part) => (Buffer.isBuffer(part) ? part : part.raw)))
    },
  }
}

/**
 * Anonymous visitors' copies of public pages, for a few seconds (PUBLIC_PAGE_CACHE_SECONDS,
 * default 10; the pages already tell browsers and CDNs they may keep them for minutes).
 */
export const publicPageMemory = pageMemory<PublicPageMeta>({ ttlMs: env.get('PUBLIC_PAGE_CACHE_SECONDS', 10) * 1000, max: 500 })

function cut(html: string, tokens: { nonce?: string; csrf?: string }): KeptPage['parts'] {
  const named = (['nonce', 'csrf'] as const).filter((name) => tokens[name])
  if (!named.length) return [deflatedPart(Buffer.from(html))]
  const pattern = new RegExp(named.map((name) => escapeRegExp(tokens[name]!)).join('|'), 'g')
  const parts: KeptPage['parts'] = []
  let from = 0
  for (const match of html.matchAll(pattern)) {
    parts.push(deflatedPart(Buffer.from(html.slice(from, match.index))), match[0] === tokens.nonce ? 'nonce' : 'csrf')
    from = match.index! + match[0].length
  }
  parts.push(deflatedPart(Buffer.from(html.slice(from))))
  return parts
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
