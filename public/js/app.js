// The admin sidebar on a phone: folded behind its "Menu" button (without JS it stays open).
for (const sidebar of document.querySelectorAll('[data-collapsible]')) {
  const toggle = sidebar.querySelector('.admin-sidebar__toggle')
  if (!toggle) continue
  sidebar.classList.add('is-collapsible')
  toggle.hidden = false
  toggle.addEventListener('click', () => {
    const open = sidebar.classList.toggle('is-open')
    toggle.setAttribute('aria-expanded', String(open))
  })
}

// Alpine (CSP build) only where a page uses it: loaded once the page's own scripts have
// registered their components (DOMContentLoaded comes after every deferred script), or as
// soon as htmx brings in markup that needs it.
const alpineNonce = document.currentScript && document.currentScript.nonce
function loadAlpine() {
  if (loadAlpine.started) return
  loadAlpine.started = true
  const script = document.createElement('script')
  script.src = document.querySelector('meta[name="alpine-src"]').content
  if (alpineNonce) script.nonce = alpineNonce
  document.head.append(script)
}
function alpineWanted(root) {
  return root.matches('[x-data]') || !!root.querySelector('[x-data]')
}
document.addEventListener('DOMContentLoaded', () => {
  if (alpineWanted(document.documentElement)) return loadAlpine()
  const watcher = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) {
        if (node instanceof Element && alpineWanted(node)) {
          watcher.disconnect()
          return loadAlpine()
        }
      }
    }
  })
  watcher.observe(document.body, { childList: true, subtree: true })
})

// Alpine components, registered for the CSP build (no inline expressions evaluated).
document.addEventListener('alpine:init', () => {
  window.Alpine.data('flash', () => ({
    open: true,
    dismiss() {
      this.open = false
    },
  }))

  window.Alpine.data('dialog', () => ({
    show() {
      this.$refs.dialog.showModal()
    },
  }))
})
