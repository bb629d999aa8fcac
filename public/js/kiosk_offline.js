/*
 * A flaky studio network: while the tablet is offline, forms marked data-offline-kind
 * (check-ins, model releases) are kept on the tablet in localStorage, with the
 * idempotency key they were made with, and replayed in order when the network returns.
 * The server records each once however often it is replayed: a check-in goes through the
 * session's compare-and-set, a release through its idempotency key and (session, child).
 * The top bar says "offline — 2 check-ins waiting" meanwhile. A replay the server refuses (a
 * session cancelled meanwhile) is named in the bar until tapped; one sent back to sign in (the
 * staff login ended while offline) stays queued until someone signs in again.
 */
;(function () {
  const STORE = 'loupe.kiosk.queue'
  const REFUSED = 'loupe.kiosk.refused'
  const SIGN_IN = /^\/(login|kiosk\/(pairing|staff-session))\/?$/
  const banner = document.getElementById('kiosk-offline')
  const csrf = document.querySelector('meta[name="csrf-token"]')?.content
  let replaying = false

  const read = () => {
    try {
      return JSON.parse(localStorage.getItem(STORE) || '[]')
    } catch (_) {
      return []
    }
  }
  const write = (queue) => localStorage.setItem(STORE, JSON.stringify(queue))
  const refused = () => {
    try {
      return JSON.parse(localStorage.getItem(REFUSED) || '[]')
    } catch (_) {
      return []
    }
  }
  let signInNeeded = false
  const newKey = () => (window.crypto?.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`)

  function plural(count, word) {
    return `${count} ${word}${count === 1 ? '' : 's'}`
  }

  function show() {
    if (!banner) return
    const queue = read()
    const checkIns = queue.filter((item) => item.kind === 'check-in').length
    const releases = queue.filter((item) => item.kind === 'release').length
    const waiting = [checkIns && plural(checkIns, 'check-in'), releases && plural(releases, 'release')].filter(Boolean).join(' and ')
    const notRecorded = refused()
    if (!navigator.onLine) banner.textContent = waiting ? `offline — ${waiting} waiting` : 'offline'
    else if (waiting && signInNeeded) banner.textContent = `Sign in again to send ${waiting}`
    else if (waiting) banner.textContent = `Sending ${waiting}…`
    else banner.textContent = notRecorded.length ? `Not recorded: ${notRecorded.join('; ')} (tap to dismiss)` : ''
    banner.hidden = banner.textContent === ''
  }

  // The bar names refused replays until staff have read it.
  banner?.addEventListener('click', () => {
    if (!refused().length || read().length) return
    localStorage.removeItem(REFUSED)
    show()
  })

  // Capture phase on window: runs before htmx's own submit handling, so an offline tap is queued instead.
  window.addEventListener(
    'submit',
    (event) => {
      const form = event.target
      if (!(form instanceof HTMLFormElement) || !form.dataset.offlineKind || navigator.onLine) return
      event.preventDefault()
      event.stopImmediatePropagation()
      const data = new FormData(form)
      if (!data.get('idempotencyKey')) data.set('idempotencyKey', newKey())
      const queue = read()
      // What the bar calls it if the server refuses it later: "Rivera check-in".
      const family = form.closest('[data-session-id]')?.querySelector('.kiosk-card__family')?.textContent.trim()
      const label = `${family ? `${family} ` : ''}${form.dataset.offlineKind}`
      queue.push({ kind: form.dataset.offlineKind, label, url: form.action, body: new URLSearchParams(data).toString(), key: data.get('idempotencyKey'), at: new Date().toISOString() })
      write(queue)
      form.dataset.queued = 'true'
      const button = form.querySelector('[type="submit"]')
      if (button) {
        button.disabled = true
        button.textContent = 'Saved: waiting for the network'
      }
      show()
    },
    true
  )

  async function replay() {
    if (replaying || !navigator.onLine) return show()
    replaying = true
    show()
    let sent = 0
    try {
      for (let queue = read(); queue.length; queue = read()) {
        const [item] = queue
        let response
        try {
          response = await fetch(item.url, {
            method: 'POST',
            body: item.body,
            credentials: 'same-origin',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'HX-Request': 'true', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
          })
        } catch (_) {
          break // Still no network: keep the queue for the next 'online'.
        }
        // Sent to a sign-in page, or its form's session expired (419): kept until someone signs in again.
        signInNeeded = response.status === 401 || response.status === 419 || (response.redirected && SIGN_IN.test(new URL(response.url).pathname))
        if (signInNeeded || response.status >= 500) break
        // Done, already done, or refused (a cancelled session): either way it is settled.
        if (!response.ok) localStorage.setItem(REFUSED, JSON.stringify([...refused(), item.label || item.kind]))
        write(read().filter((queued) => queued.key !== item.key || queued.url !== item.url))
        sent++
      }
    } finally {
      replaying = false
      show()
      if (sent) document.dispatchEvent(new CustomEvent('kiosk:refresh'))
    }
  }

  window.addEventListener('offline', show)
  window.addEventListener('online', replay)
  replay()
})()
