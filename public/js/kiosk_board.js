/*
 * The front-desk board stays live: a server-sent event says a session changed on some
 * tablet and this one refetches its list fragment (with its own search). Without
 * EventSource, or while the stream is down, it polls every 2 seconds instead. It names the
 * board it holds (X-Board-Since: the list's data-board-etag), so the server answers 304
 * when nothing changed, or only the changed cards and the new order (X-Board: delta),
 * which are put in place here; anything else is the whole list.
 */
;(function () {
  const board = document.getElementById('kiosk-board')
  if (!board) return
  const POLL_MS = 2000
  let pollTimer = null
  let refreshing = false
  // A change heard while a refresh is on its way is fetched right after it (a full one wins).
  let again = null

  function held() {
    return board.querySelector('ol.kiosk-board')?.dataset.boardEtag
  }

  function applyDelta(html) {
    const list = board.querySelector('ol.kiosk-board')
    const template = document.createElement('template')
    template.innerHTML = html
    const delta = template.content.querySelector('ol[data-board-delta]')
    if (!list || !delta) return false
    const cards = new Map([...list.children].map((card) => [card.dataset.sessionId, card]))
    const fresh = [...delta.children]
    for (const card of fresh) {
      const old = cards.get(card.dataset.sessionId)
      if (old) old.replaceWith(card)
      else list.append(card)
      cards.set(card.dataset.sessionId, card)
    }
    if (delta.dataset.order) {
      const order = delta.dataset.order.split(' ')
      const wanted = new Set(order)
      for (const [id, card] of cards) if (!wanted.has(id)) card.remove()
      for (const id of order) if (cards.has(id)) list.append(cards.get(id))
    }
    list.dataset.boardEtag = delta.dataset.boardEtag
    if (window.htmx) fresh.forEach((card) => window.htmx.process(card))
    return true
  }

  // full: the whole list, whatever this tablet holds (after the offline queue's replay, whose
  // waiting buttons the server's cards don't know of).
  async function refresh(full) {
    if (refreshing) {
      again = again === true || full === true
      return
    }
    refreshing = true
    try {
      const url = new URL(board.dataset.boardUrl, location.href)
      const q = document.getElementById('kiosk-q')
      if (q && q.value) url.searchParams.set('q', q.value)
      const since = full === true ? null : held()
      const headers = since ? { 'HX-Request': 'true', 'X-Board-Since': since } : { 'HX-Request': 'true' }
      const response = await fetch(url, { headers, credentials: 'same-origin', cache: 'no-store' })
      if (response.status === 304 || !response.ok) return
      const html = await response.text()
      if (response.headers.get('X-Board') === 'delta' && applyDelta(html)) return
      board.innerHTML = html
      if (window.htmx) window.htmx.process(board)
    } catch (_) {
      // Offline: the next event or poll tries again.
    } finally {
      refreshing = false
      if (again !== null) {
        const next = again
        again = null
        refresh(next)
      }
    }
  }

  function startPolling() {
    if (!pollTimer) pollTimer = setInterval(() => refresh(), POLL_MS)
  }

  function stopPolling() {
    clearInterval(pollTimer)
    pollTimer = null
  }

  // The offline queue (kiosk_offline.js) asks for a fresh board once it has replayed.
  document.addEventListener('kiosk:refresh', () => refresh(true))
  if (!('EventSource' in window)) return startPolling()
  const events = new EventSource(board.dataset.eventsUrl)
  events.addEventListener('board', () => refresh())
  events.addEventListener('open', () => {
    stopPolling()
    refresh()
  })
  events.addEventListener('error', startPolling)
  window.addEventListener('pagehide', () => events.close())
})()
