import { createHash } from 'node:crypto'

/**
 * Rendered board fragments, by their ETag (the hash of the search and fingerprint, see
 * BoardFingerprint): every tablet refetches the board after every check-in, and it is the
 * same HTML for all of them (it holds nothing per request: htmx sends the CSRF token as a
 * header). Kept as UTF-8 bytes too: encoding 200 cards' worth of text (⚑, ·) on every
 * response cost more than the rest of the request. Each board keeps its cards in order, so
 * a tablet holding an earlier board still kept here is sent only the cards that changed
 * (boardDelta). Per process, small. Tablets asking at the same moment share one render.
 */
export interface RenderedBoard {
  etag: string
  q: string
  /** Session ids, in the board's order. */
  ids: string[]
  /** Each session's card (an <li>), in the same order. */
  items: string[]
  html: string
  bytes: Buffer
}

const MAX_BOARDS = 50
const boards = new Map<string, Promise<RenderedBoard>>()

export function cachedBoard(key: string, render: (etag: string) => Promise<Omit<RenderedBoard, 'etag' | 'bytes'>>) {
  const etag = boardEtag(key)
  let board = boards.get(etag)
  if (board === undefined) {
    board = render(etag).then((rendered) => ({ ...rendered, etag, bytes: Buffer.from(rendered.html) }))
    if (boards.size >= MAX_BOARDS) boards.delete(boards.keys().next().value!)
    boards.set(etag, board)
    board.catch(() => boards.delete(etag))
  }
  return board
}

/** A board this process gave out and still keeps, by its ETag. */
export function keptBoard(etag: string) {
  return boards.get(etag)
}

export interface BoardDelta {
  /** The cards that are new or changed, in the board's order. */
  changed: string[]
  /** The new order of every card, when it is not the held board's order less the cards gone. */
  order: string[] | null
}

/**
 * What turns the board a tablet holds into the current one: the cards that changed, and
 * the order when it moved. Null when only the whole board will do (another search, or an
 * empty board on either side, whose list is a message rather than cards).
 */
export function boardDelta(held: RenderedBoard, current: RenderedBoard): BoardDelta | null {
  if (held.q !== current.q || !held.ids.length || !current.ids.length) return null
  const heldItems = new Map(held.ids.map((id, index) => [id, held.items[index]]))
  const changed = current.items.filter((item, index) => heldItems.get(current.ids[index]) !== item)
  const present = new Set(current.ids)
  const kept = held.ids.filter((id) => present.has(id))
  const sameOrder = kept.length === current.ids.length && kept.every((id, index) => id === current.ids[index])
  return { changed, order: sameOrder ? null : current.ids }
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
