import { createHash } from 'node:crypto'

/**
 * Rendered board fragments, by search and fingerprint (BoardFingerprint): every tablet
 * refetches the board after every check-in, and it is the same HTML for all of them (it
 * holds nothing per request: htmx sends the CSRF token as a header). Kept as UTF-8 bytes
 * too: encoding 200 cards' worth of text (⚑, ·) on every response cost more than the rest
 * of the request. Per process, small. Tablets asking at the same moment share one render.
 */
export interface RenderedBoard {
  html: string
  bytes: Buffer
}

const MAX_BOARDS = 50
const boards = new Map<string, Promise<RenderedBoard>>()

export function cachedBoard(key: string, render: () => Promise<string>) {
  let board = boards.get(key)
  if (board === undefined) {
    board = render().then((html) => ({ html, bytes: Buffer.from(html) }))
    if (boards.size >= MAX_BOARDS) boards.delete(boards.keys().next().value!)
    boards.set(key, board)
    board.catch(() => boards.delete(key))
  }
  return board
}

/**
 * Rendered cards, by a key naming everything a card shows (the session's board stamp and
 * its highlights): a check-in renders one card again, not the day's 200. Least recently
 * used dropped first. `render` gets the items whose card isn't kept and answers each one's
 * HTML (an item it leaves out, a session gone meanwhile, gets no card).
 */
const MAX_CARDS = 2_000
const cards = new Map<string, string>()

export async function keptCards<T>(items: T[], keyOf: (item: T) => string, render: (missing: T[]) => Promise<Map<T, string>>) {
  const keys = items.map(keyOf)
  const html = keys.map((key) => cards.get(key))
  const missing = items.filter((_, index) => html[index] === undefined)
  const rendered = missing.length ? await render(missing) : new Map<T, string>()
  return items.map((item, index) => {
    const key = keys[index]
    let card = html[index]
    if (card === undefined) {
      card = rendered.get(item)
      if (card === undefined) return ''
      // Indentation is most of a template's bytes, and 200 cards go to every tablet.
      card = card.replace(/\n\s+/g, '\n')
    }
    cards.delete(key)
    if (cards.size >= MAX_CARDS) cards.delete(cards.keys().next().value!)
    cards.set(key, card)
    return card
  })
}

/** The ETag of a board fragment: the same fragment for every tablet, so the fingerprint's hash. */
export function boardEtag(key: string) {
  return `"${createHash('sha1').update(key).digest('base64url')}"`
}
