/*
 * The front-desk board stays live: a server-sent event says a session changed on some
 * tablet and this one refetches its list fragment (with its own search). Without
 * EventSource, or while the stream is down, it polls every 2 seconds instead.
 */
;(function () {
  const board = document.getElementById('kiosk-board')
  if (!board) return
  const POLL_MS = 2000
  let pollTimer = null
  let refreshing = false

  async function refresh() {
    if (refreshing) return
    refreshing = true
    try {
      const url = new URL(board.dataset.boardUrl, location.href)
      const q = document.getElementById('kiosk-q')
      if (q && q.value) url.searchParams.set('q', q.value)
      const response = await fetch(url, { headers: { 'HX-Request': 'true' }, credentials: 'same-origin' })
      if (!response.ok) return
      board.innerHTML = await response.text()
      if (window.htmx) window.htmx.process(board)
    } catch (_) {
      // Offline: the next event or poll tries again.
    } finally {
      refreshing = false
    }
  }

  function startPolling() {
    if (!pollTimer) pollTimer = setInterval(refresh, POLL_MS)
  }

  function stopPolling() {
    clearInterval(pollTimer)
    pollTimer = null
  }

  // The offline queue (kiosk_offline.js) asks for a fresh board once it has replayed.
  document.addEventListener('kiosk:refresh', refresh)
  if (!('EventSource' in window)) return startPolling()
  const events = new EventSource(board.dataset.eventsUrl)
  events.addEventListener('board', refresh)
  events.addEventListener('open', () => {
    stopPolling()
    refresh()
  })
  events.addEventListener('error', startPolling)
  window.addEventListener('pagehide', () => events.close())
})()
