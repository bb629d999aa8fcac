// Reordering a gallery's photos (Alpine CSP component on the grid's <ol>): drag a tile,
// or use its earlier/later buttons (keyboard and touch). Each move saves the whole order.
;(() => {
  function csrfToken() {
    return document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? ''
  }

  function tileOf(event) {
    return event.target.closest?.('[data-photo-id]') ?? null
  }

  function photoSorter() {
    return {
      dragged: null,
      orderBefore: '',

      init() {
        this.$el.dataset.sorter = 'ready'
      },

      dragStart(event) {
        this.dragged = tileOf(event)
        if (!this.dragged) return
        this.orderBefore = this.ids().join()
        this.dragged.classList.add('photo-tile--dragging')
        event.dataTransfer.effectAllowed = 'move'
        event.dataTransfer.setData('text/plain', this.dragged.dataset.photoId)
      },
      dragOver(event) {
        const over = tileOf(event)
        if (!this.dragged || !over || over === this.dragged) return
        const box = over.getBoundingClientRect()
        const after = event.clientX > box.left + box.width / 2
        over.parentElement.insertBefore(this.dragged, after ? over.nextSibling : over)
      },
      // The tile already moved while dragging; saving on dragend also covers a drop outside a tile.
      drop() {},
      dragEnd() {
        const tile = this.dragged
        if (!tile) return
        tile.classList.remove('photo-tile--dragging')
        this.dragged = null
        if (this.ids().join() !== this.orderBefore) this.save(tile)
      },
      moveEarlier(event) {
        const tile = tileOf(event)
        if (tile?.previousElementSibling) {
          tile.parentElement.insertBefore(tile, tile.previousElementSibling)
          this.save(tile, event.target)
        }
      },
      moveLater(event) {
        const tile = tileOf(event)
        if (tile?.nextElementSibling) {
          tile.parentElement.insertBefore(tile.nextElementSibling, tile)
          this.save(tile, event.target)
        }
      },

      ids() {
        return Array.from(this.$root.querySelectorAll('[data-photo-id]')).map((element) => element.dataset.photoId)
      },

      async save(tile, focusAfter) {
        const ids = this.ids()
        focusAfter?.focus()
        const position = ids.indexOf(tile.dataset.photoId) + 1
        try {
          const response = await fetch(this.$root.dataset.orderUrl, {
            method: 'PUT',
            headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': csrfToken() },
            body: JSON.stringify({ photoIds: ids }),
          })
          if (!response.ok) throw new Error(String(response.status))
          this.announce(`Order saved: the photo is now number ${position} of ${ids.length}.`)
        } catch {
          this.announce('The new order could not be saved. Reload the page and try again.')
        }
      },
      announce(text) {
        const status = document.getElementById('photo-order-status')
        if (status) status.textContent = text
      },
    }
  }

  if (window.Alpine) window.Alpine.data('photoSorter', photoSorter)
  else document.addEventListener('alpine:init', () => window.Alpine.data('photoSorter', photoSorter))
})()
