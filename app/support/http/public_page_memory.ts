import env from '#start/env'

/**
 * Anonymous visitors' copies of public pages, kept by this process for a few seconds
 * (PUBLIC_PAGE_CACHE_SECONDS, default 10; the pages already tell browsers and CDNs they
 * may keep them for minutes). A copy is kept as UTF-8 bytes cut where the request's own
 * CSP nonce and CSRF token go, so serving it is a copy of bytes, with no query and no
 * render. Any model saved or deleted in this process, and any state change, drops every
 * copy at once; another process's change shows within the TTL.
 */
export interface KeptPage {
  at: number
  generation: number
  /** Bytes, and between them which per-request value goes there. */
  parts: (Buffer | 'nonce' | 'csrf')[]
  etag: string
  maxAge: number
  visit: KeptVisit | null
}

export interface KeptVisit {
  name: string
  subject?: { type: string; id: string }
}

const MAX_PAGES = 500
const pages = new Map<string, KeptPage>()
let generation = 0

export const publicPageMemory = {
  ttlMs: env.get('PUBLIC_PAGE_CACHE_SECONDS', 10) * 1000,

  /** Something a public page may show changed in this process. */
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

  keep(key: string, html: string, tokens: { nonce?: string; csrf?: string }, page: Omit<KeptPage, 'at' | 'generation' | 'parts'>) {
    if (this.ttlMs <= 0) return
    if (pages.size >= MAX_PAGES) pages.delete(pages.keys().next().value!)
    pages.set(key, { ...page, at: Date.now(), generation, parts: cut(html, tokens) })
  },

  /** The kept page's bytes with this request's nonce and token put back. */
  fill(page: KeptPage, tokens: { nonce?: string; csrf?: string }) {
    const nonce = Buffer.from(tokens.nonce ?? '')
    const csrf = Buffer.from(tokens.csrf ?? '')
    return Buffer.concat(page.parts.map((part) => (part === 'nonce' ? nonce : part === 'csrf' ? csrf : part)))
  },
}

function cut(html: string, tokens: { nonce?: string; csrf?: string }): KeptPage['parts'] {
  const named = (['nonce', 'csrf'] as const).filter((name) => tokens[name])
  if (!named.length) return [Buffer.from(html)]
  const pattern = new RegExp(named.map((name) => escapeRegExp(tokens[name]!)).join('|'), 'g')
  const parts: KeptPage['parts'] = []
  let from = 0
  for (const match of html.matchAll(pattern)) {
    parts.push(Buffer.from(html.slice(from, match.index)), match[0] === tokens.nonce ? 'nonce' : 'csrf')
    from = match.index! + match[0].length
  }
  parts.push(Buffer.from(html.slice(from)))
  return parts
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
