// The gallery lightbox (Alpine CSP build: methods and properties only, no inline expressions).
// One <dialog> serves the whole grid: a click on a photo reads its data attributes, so the
// grid can be swapped by htmx (favourites filter) or grow (next pages) without re-initialising anything.

// Tiles of the next pages come by htmx without the page's nonce'd <style>: the placeholder
// colour each names in its class (ph-<hex>) goes into a constructed stylesheet, which the CSP
// allows (it restricts style elements and attributes, not the CSSOM).
const placeholderSheet = new CSSStyleSheet()
const paintedColours = new Set()
document.adoptedStyleSheets = [...document.adoptedStyleSheets, placeholderSheet]

function paintPlaceholders(root) {
  for (const tile of root.querySelectorAll('.photo__open')) {
    for (const name of tile.classList) {
      const hex = /^ph-([0-9a-f]{6})$/.exec(name)
      if (!hex || paintedColours.has(hex[1])) continue
      paintedColours.add(hex[1])
      placeholderSheet.insertRule(`.${name}{background-color:#${hex[1]}}`)
    }
  }
}

new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    for (const node of mutation.addedNodes) if (node instanceof Element) paintPlaceholders(node)
  }
}).observe(document.documentElement, { childList: true, subtree: true })
document.addEventListener('alpine:init', () => {
  const SWIPE_PX = 40

  // "Share this gallery": the phone's share sheet where there is one, else the link copied.
  // The link still asks for the access code unless the studio turned the public link on.
  window.Alpine.data('shareGallery', () => ({
    message: '',

    async share() {
      const url = window.location.origin + window.location.pathname
      if (navigator.share) {
        await navigator.share({ title: document.title, url }).catch(() => {})
        return
      }
      try {
        await navigator.clipboard.writeText(url)
        this.message = 'Link copied'
      } catch {
        this.message = url
      }
    },
  }))

  window.Alpine.data('lightbox', () => ({
    src: '',
    alt: '',
    position: '',
    downloadAction: '',
    index: 0,
    opener: null,
    touchX: null,
    hasFavorite: false,
    pressed: 'false',

    items() {
      return Array.from(this.$root.querySelectorAll('a[data-full]'))
    },

    // Photos the grid shows in all pages, loaded or not (the tiles come a page at a time).
    total(items) {
      const grid = this.$root.querySelector('.photo-grid')
      return Math.max(items.length, Number(grid ? grid.dataset.total : 0) || 0)
    },

    // Past the last loaded tile: ask for the next page (its "Show more photos" link) and stay.
    loadMore() {
      const more = this.$root.querySelector('.photo-grid__more a')
      if (more) more.click()
    },

    openFrom(event) {
      const link = event.target.closest('a[data-full]')
      if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return
      event.preventDefault()
      this.opener = link
      this.show(this.items().indexOf(link))
      this.$refs.dialog.showModal()
    },

    show(index) {
      const items = this.items()
      if (!items.length) return
      this.index = (index + items.length) % items.length
      const item = items[this.index]
      this.src = item.dataset.full
      this.alt = item.dataset.alt || ''
      this.downloadAction = item.dataset.download || ''
      this.position = `${this.index + 1} of ${this.total(items)}`
      this.syncFavorite()
    },

    // The heart of the photo on screen is the grid's own (htmx swaps it and the counter).
    gridHeart() {
      const item = this.items()[this.index]
      return item ? item.closest('li').querySelector('.fav__button') : null
    },

    syncFavorite() {
      const heart = this.gridHeart()
      this.hasFavorite = !!heart && !heart.disabled
      this.pressed = heart ? heart.getAttribute('aria-pressed') : 'false'
    },

    toggleFavorite() {
      const heart = this.gridHeart()
      if (!heart || heart.disabled) return
      heart.click()
      this.pressed = this.pressed === 'true' ? 'false' : 'true'
    },

    // Wrapping around only once every tile is loaded: before that, the end loads more.
    next() {
      const items = this.items()
      if (this.index + 1 >= items.length && items.length < this.total(items)) return this.loadMore()
      this.show(this.index + 1)
    },

    prev() {
      const items = this.items()
      if (this.index === 0 && items.length < this.total(items)) return
      this.show(this.index - 1)
    },

    close() {
      this.$refs.dialog.close()
    },

    // The dialog closed (button, Esc): focus goes back to the photo it was opened from.
    closed() {
      this.src = ''
      if (this.opener && this.opener.isConnected) this.opener.focus()
      this.opener = null
    },

    touchStart(event) {
      this.touchX = event.changedTouches[0].clientX
    },

    touchEnd(event) {
      if (this.touchX === null) return
      const moved = event.changedTouches[0].clientX - this.touchX
      this.touchX = null
      if (Math.abs(moved) < SWIPE_PX) return
      if (moved < 0) this.next()
      else this.prev()
    },
  }))
})
