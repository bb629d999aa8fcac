// The studio calendar's drag to move: drop a session on a time (and, in the day view, a
// photographer's column). The server applies the booking rules; when it refuses with a rule
// an admin may override, a dialog asks why and moves it anyway. Without JavaScript each
// session links to its page, which has the same move form.
;(() => {
  const csrf = () => document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? ''
  let dragged = null

  async function refresh(root) {
    const response = await fetch(root.dataset.refreshUrl, { headers: { 'HX-Request': 'true' } })
    if (!response.ok) return location.reload()
    const holder = document.createElement('div')
    holder.innerHTML = await response.text()
    root.replaceWith(holder.firstElementChild)
  }

  function announce(message) {
    const status = document.getElementById('move-status')
    if (status) status.textContent = message
  }

  async function move(root, fields) {
    const url = root.dataset.moveUrl.replace('__ID__', fields.sessionId)
    const body = new URLSearchParams({ startsAt: fields.startsAt })
    if (fields.photographer) body.set('photographer', fields.photographer)
    if (fields.reason) {
      body.set('override', 'true')
      body.set('reason', fields.reason)
    }
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Accept': 'application/json', 'x-csrf-token': csrf(), 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
    })
    const result = await response.json().catch(() => ({ ok: false, message: 'The move failed: try again.' }))
    if (result.ok) {
      announce(result.message)
      return refresh(root)
    }
    const reason = result.overridable ? await askWhy(result.message) : (alert(result.message), null)
    if (reason) return move(root, { ...fields, reason })
  }

  function askWhy(message) {
    const dialog = document.getElementById('move-dialog')
    const form = document.getElementById('move-override')
    document.getElementById('move-dialog-message').textContent = message
    form.reset()
    dialog.showModal()
    return new Promise((resolve) => {
      dialog.addEventListener(
        'close',
        () => resolve(dialog.returnValue === 'override' ? form.elements.reason.value.trim() || null : null),
        { once: true }
      )
    })
  }

  document.addEventListener('dragstart', (event) => {
    const session = event.target.closest?.('[data-session-id][draggable="true"]')
    if (!session) return
    dragged = session
    session.classList.add('cal-session--dragging')
    event.dataTransfer.effectAllowed = 'move'
    event.dataTransfer.setData('text/plain', session.dataset.sessionId)
    // Sessions lie over the time cells: let the pointer reach the cells while dragging.
    const grid = session.closest('[data-calendar-grid]')
    setTimeout(() => grid?.classList.add('cal-grid--dragging'))
  })
  document.addEventListener('dragend', () => {
    dragged?.classList.remove('cal-session--dragging')
    dragged?.closest('[data-calendar-grid]')?.classList.remove('cal-grid--dragging')
    dragged = null
    document.querySelectorAll('.cal-cell--over').forEach((cell) => cell.classList.remove('cal-cell--over'))
  })
  document.addEventListener('dragover', (event) => {
    const cell = event.target.closest?.('[data-drop-at]')
    if (!cell || !dragged) return
    event.preventDefault()
    document.querySelectorAll('.cal-cell--over').forEach((other) => other !== cell && other.classList.remove('cal-cell--over'))
    cell.classList.add('cal-cell--over')
  })
  document.addEventListener('drop', (event) => {
    const cell = event.target.closest?.('[data-drop-at]')
    if (!cell || !dragged) return
    event.preventDefault()
    const root = cell.closest('#calendar')
    move(root, { sessionId: dragged.dataset.sessionId, startsAt: cell.dataset.dropAt, photographer: cell.dataset.photographer })
  })
})()
