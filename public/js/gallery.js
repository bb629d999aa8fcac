// The gallery lightbox (Alpine CSP build: methods and properties only, no inline expressions).
// One <dialog> serves the whole grid: a click on a photo reads its link (href: the large image,
// data-download) and its image's alt, so the
// grid can be swapped by htmx (favourites filter) or grow (next pages) without re-initialising anything.

const NO_PHOTO = '00000000-0000-0000-0000-000000000000'

// A heart is a submit button of the grid's form #favs (formaction: its URL, with _method=DELETE
// when pressed), so it works without scripts. With them it goes by htmx, which sends the
// CSRF header, and is swapped for the answer (which also updates the counter).
document.addEventListener('click', (event) => {
  const heart = event.target instanceof Element ? event.target.closest('.fav__button[form="favs"]') : null
  if (!heart || heart.disabled || !window.htmx) return
  event.preventDefault()
  const pressed = heart.getAttribute('aria-pressed') === 'true'
  window.htmx.ajax(pressed ? 'DELETE' : 'POST', heart.formAction.replace(/\?_method=DELETE$/, ''), { source: heart, target: heart, swap: 'outerHTML' })
})

// Tiles of the next pages come by htmx without the page's nonce'd <style>: the placeholder
// colour each names in its class (ph-<hex>) goes into a constructed stylesheet, which the CSP
// allows (it restricts style elements and attributes, not the CSSOM).
const placeholderSheet = new CSSStyleSheet()
const paintedColours = new Set()
document.adoptedStyleSheets = [...document.adoptedStyleSheets, placeholderSheet]

// The same for each tile's share of its justified row (ar-<width/height in hundredths>),
// as ratioRule in app/actions/galleries/list_gallery_photos.ts writes it.
function paintPlaceholders(root) {
  const tiles = [...root.querySelectorAll('.photo, .photo__open')]
  if (root.matches('.photo')) tiles.push(root)
  for (const tile of tiles) {
    for (const name of tile.classList) {
      if (paintedColours.has(name)) continue
      const hex = /^ph-([0-9a-f]{6})$/.exec(name)
      const ratio = /^ar-(\d+)$/.exec(name)
      if (hex) placeholderSheet.insertRule(`.${name}{background-color:#${hex[1]}}`)
      else if (ratio) placeholderSheet.insertRule(`.${name}{flex-grow:${ratio[1] / 100};flex-basis:calc(var(--row-height) * ${ratio[1] / 100});max-width:calc(var(--row-height) * ${(ratio[1] / 100) * 1.6})}`)
      else continue
      paintedColours.add(name)
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
  const SLIDE_MS = 4000
  const MAX_ZOOM = 5
  const TAP_ZOOM = 2.5
  const DOUBLE_TAP_MS = 300

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
    printHref: '',
    index: 0,
    opener: null,
    hasFavorite: false,
    pressed: 'false',
    playing: 'false',
    playLabel: 'Slideshow',
    timer: null,
    // Zoom: the image is scaled about its top-left corner and moved by (x, y).
    zoom: { scale: 1, x: 0, y: 0 },
    touch: null,
    lastTap: null,
    pan: null,

    items() {
      return Array.from(this.$root.querySelectorAll('.photo-grid a.photo__open'))
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
      const link = event.target.closest('a.photo__open')
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
      this.src = item.getAttribute('href')
      const image = item.querySelector('img')
      this.alt = image ? image.alt : ''
      // Its download links and "Order a print": the grid and the dialog carry URLs with a placeholder id.
      const photoUrl = (url) => (url && image ? url.replace(NO_PHOTO, image.id.replace(/^p-/, '')) : '')
      this.downloadAction = photoUrl(item.closest('.photo-grid').dataset.downloadUrl)
      this.printHref = photoUrl(this.$refs.dialog.dataset.printUrl)
      this.position = `${this.index + 1} of ${this.total(items)}`
      this.resetZoom()
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
      this.stopSlideshow()
      this.src = ''
      if (this.opener && this.opener.isConnected) this.opener.focus()
      this.opener = null
    },

    toggleSlideshow() {
      if (this.timer) return this.stopSlideshow()
      this.timer = setInterval(() => this.next(), SLIDE_MS)
      this.playing = 'true'
      this.playLabel = 'Pause'
    },

    stopSlideshow() {
      clearInterval(this.timer)
      this.timer = null
      this.playing = 'false'
      this.playLabel = 'Slideshow'
    },

    // --- Zoom: double-tap or double-click toggles it at that point; pinch scales; a finger or the mouse moves a zoomed photo.

    applyZoom() {
      const { scale, x, y } = this.zoom
      const image = this.$refs.image
      image.style.transform = scale === 1 ? '' : `translate(${x}px, ${y}px) scale(${scale})`
      image.classList.toggle('is-zoomed', scale > 1)
      this.$refs.figure.dataset.zoom = String(Math.round(scale * 100) / 100)
    },

    resetZoom() {
      this.zoom = { scale: 1, x: 0, y: 0 }
      if (this.$refs.image) this.applyZoom()
    },

    // Scale to `scale`, keeping the image's point under (clientX, clientY) where it is.
    zoomAt(scale, clientX, clientY) {
      const rect = this.$refs.image.getBoundingClientRect()
      const { scale: was, x, y } = this.zoom
      const left = rect.left - x
      const top = rect.top - y
      const u = (clientX - rect.left) / was
      const v = (clientY - rect.top) / was
      const next = Math.min(MAX_ZOOM, Math.max(1, scale))
      this.zoom = next === 1 ? { scale: 1, x: 0, y: 0 } : { scale: next, x: clientX - left - u * next, y: clientY - top - v * next }
      this.applyZoom()
    },

    toggleZoomAt(clientX, clientY) {
      this.zoomAt(this.zoom.scale > 1 ? 1 : TAP_ZOOM, clientX, clientY)
    },

    doubleClick(event) {
      if (event.target !== this.$refs.image) return
      // A double tap was handled by the touch events already.
      if (this.lastTap && Date.now() - this.lastTap.at < 700) return
      this.toggleZoomAt(event.clientX, event.clientY)
    },

    panStart(event) {
      if (event.pointerType === 'touch' || this.zoom.scale === 1 || event.target !== this.$refs.image) return
      this.pan = { x: event.clientX, y: event.clientY }
    },

    panMove(event) {
      if (!this.pan) return
      this.zoom = { ...this.zoom, x: this.zoom.x + event.clientX - this.pan.x, y: this.zoom.y + event.clientY - this.pan.y }
      this.pan = { x: event.clientX, y: event.clientY }
      this.applyZoom()
    },

    panEnd() {
      this.pan = null
    },

    touchStart(event) {
      const [a, b] = event.touches
      if (b) {
        this.touch = { pinch: Math.hypot(b.clientX - a.clientX, b.clientY - a.clientY), scale: this.zoom.scale }
      } else {
        this.touch = { startX: a.clientX, startY: a.clientY, x: a.clientX, y: a.clientY, moved: false }
      }
    },

    touchMove(event) {
      if (!this.touch) return
      event.preventDefault()
      const [a, b] = event.touches
      if (b && this.touch.pinch) {
        const distance = Math.hypot(b.clientX - a.clientX, b.clientY - a.clientY)
        this.zoomAt((this.touch.scale * distance) / this.touch.pinch, (a.clientX + b.clientX) / 2, (a.clientY + b.clientY) / 2)
        return
      }
      if (!a || this.touch.pinch) return
      if (Math.abs(a.clientX - this.touch.startX) > 10 || Math.abs(a.clientY - this.touch.startY) > 10) this.touch.moved = true
      if (this.zoom.scale > 1) {
        this.zoom = { ...this.zoom, x: this.zoom.x + a.clientX - this.touch.x, y: this.zoom.y + a.clientY - this.touch.y }
        this.applyZoom()
      }
      this.touch.x = a.clientX
      this.touch.y = a.clientY
    },

    // One finger lifted: a swipe moves (when not zoomed), a second tap soon after zooms.
    touchEnd(event) {
      const touch = this.touch
      if (!touch || event.touches.length) return
      this.touch = null
      if (touch.pinch) return
      const end = event.changedTouches[0]
      const moved = end.clientX - touch.startX
      if (this.zoom.scale === 1 && Math.abs(moved) >= SWIPE_PX) return moved < 0 ? this.next() : this.prev()
      if (touch.moved || event.target !== this.$refs.image) return
      const now = Date.now()
      if (this.lastTap && now - this.lastTap.at < DOUBLE_TAP_MS && Math.hypot(end.clientX - this.lastTap.x, end.clientY - this.lastTap.y) < 30) {
        event.preventDefault()
        this.toggleZoomAt(end.clientX, end.clientY)
        this.lastTap = { at: now, x: -1000, y: -1000 }
        return
      }
      this.lastTap = { at: now, x: end.clientX, y: end.clientY }
    },
  }))
})
