// Photo uploader (Alpine CSP component): one request per file, 3 at a time, each with
// its own progress bar, error and retry. When a batch is done the grid and the
// processing progress are asked to refresh themselves (`photos-changed`).
;(() => {
  const PARALLEL = 3
  let nextKey = 1

  function csrfToken() {
    return document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? ''
  }

  // Refusals a second try gets again (the file itself was refused, or the page must be
  // reloaded): their message says why, and no Retry is offered. Lost connections, server
  // errors and rate limits are worth a retry.
  const FINAL_STATUSES = [400, 403, 404, 413, 415, 419, 422]

  function isRetryable(xhr) {
    return !FINAL_STATUSES.includes(xhr.status)
  }

  function newBatch() {
    return `b${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`
  }

  // Picked files go up in file-name order ("IMG_2" before "IMG_10"); the server keeps
  // that order whatever order the parallel uploads finish in.
  const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

  function errorOf(xhr) {
    try {
      const body = JSON.parse(xhr.responseText)
      const message = body?.errors?.[0]?.message
      if (message) return message
    } catch {}
    if (xhr.status === 413) return 'This file is too large to upload.'
    if (xhr.status === 419) return 'Your page has expired. Reload the page and try again.'
    if (xhr.status === 403) return 'You are not allowed to upload to this gallery.'
    return xhr.status ? `The upload failed (error ${xhr.status}). Try again.` : 'The connection was lost. Try again.'
  }

  function makeItem(file, batch, position) {
    return {
      key: nextKey++,
      file,
      batch,
      position,
      retryable: false,
      name: file.name,
      state: 'waiting',
      progress: 0,
      error: '',
      get failed() {
        return this.state === 'failed'
      },
      get canRetry() {
        return this.state === 'failed' && this.retryable
      },
      get statusText() {
        if (this.state === 'uploading') return `${this.progress}%`
        if (this.state === 'done') return 'Uploaded'
        if (this.state === 'failed') return 'Failed'
        return 'Waiting'
      },
      get rowClass() {
        return `upload-row--${this.state}`
      },
      get progressLabel() {
        return `${this.name}: ${this.statusText}`
      },
      get retryLabel() {
        return `Retry ${this.name}`
      },
    }
  }

  function photoUploader() {
    return {
      items: [],
      active: 0,
      dragging: false,
      batchHadSuccess: false,
      url: '',
      refreshIds: [],

      init() {
        this.url = this.$el.dataset.uploadUrl
        // The panels to refresh once a batch is in (a gallery's by default; a product's images page names its own).
        this.refreshIds = (this.$el.dataset.refresh || 'photo-processing photo-grid').split(/\s+/)
        // A file dropped beside the drop zone would make the browser open it and lose the queue.
        const keepFiles = (event) => {
          if (event.dataTransfer?.types?.includes('Files')) event.preventDefault()
        }
        window.addEventListener('dragover', keepFiles)
        window.addEventListener('drop', keepFiles)
        window.addEventListener('beforeunload', (event) => {
          if (this.active > 0 || this.items.some((item) => item.state === 'waiting')) event.preventDefault()
        })
      },

      get hasItems() {
        return this.items.length > 0
      },
      get canClear() {
        return this.items.some((item) => item.state === 'done')
      },
      get dropClass() {
        return this.dragging ? 'uploader__drop--over' : ''
      },
      get summary() {
        const done = this.items.filter((item) => item.state === 'done').length
        const failed = this.items.filter((item) => item.state === 'failed').length
        const text = `${done} of ${this.items.length} uploaded`
        return failed ? `${text}, ${failed} failed` : text
      },

      ignore() {},
      dragOver() {
        this.dragging = true
      },
      dragLeave() {
        this.dragging = false
      },
      drop(event) {
        this.dragging = false
        this.add(event.dataTransfer?.files)
      },
      pick(event) {
        this.add(event.target.files)
        event.target.value = ''
      },
      add(files) {
        const batch = newBatch()
        const sorted = Array.from(files ?? []).sort((a, b) => byName.compare(a.name, b.name))
        sorted.forEach((file, position) => this.items.push(makeItem(file, batch, position)))
        this.pump()
      },
      retry(item) {
        if (!item.retryable) return
        item.state = 'waiting'
        item.progress = 0
        item.error = ''
        this.pump()
      },
      clearFinished() {
        this.items = this.items.filter((item) => item.state !== 'done')
      },

      pump() {
        while (this.active < PARALLEL) {
          const item = this.items.find((candidate) => candidate.state === 'waiting')
          if (!item) break
          this.send(item)
        }
        if (this.active === 0 && this.batchHadSuccess) {
          this.batchHadSuccess = false
          this.refreshPanel()
        }
      },

      send(item) {
        this.active++
        item.state = 'uploading'
        const body = new FormData()
        body.append('batch', item.batch)
        body.append('position', String(item.position))
        body.append('file', item.file, item.file.name)
        const xhr = new XMLHttpRequest()
        xhr.open('POST', this.url)
        xhr.setRequestHeader('Accept', 'application/json')
        xhr.setRequestHeader('X-CSRF-Token', csrfToken())
        xhr.upload.onprogress = (event) => {
          if (event.lengthComputable) item.progress = Math.min(99, Math.round((event.loaded / event.total) * 100))
        }
        xhr.onload = () => this.finish(item, xhr.status >= 200 && xhr.status < 300, xhr)
        xhr.onerror = () => this.finish(item, false, xhr)
        xhr.send(body)
      },

      finish(item, ok, xhr) {
        this.active--
        if (ok) {
          item.state = 'done'
          item.progress = 100
          this.batchHadSuccess = true
        } else {
          item.state = 'failed'
          item.progress = 0
          item.error = errorOf(xhr)
          item.retryable = isRetryable(xhr)
        }
        this.pump()
      },

      refreshPanel() {
        for (const id of this.refreshIds) {
          const element = document.getElementById(id)
          if (element && window.htmx) window.htmx.trigger(element, 'photos-changed')
        }
      },
    }
  }

  // Loaded in the page's <head> before Alpine, so it registers on alpine:init; the
  // direct call covers a page that loads it after Alpine has started.
  if (window.Alpine) window.Alpine.data('photoUploader', photoUploader)
  else document.addEventListener('alpine:init', () => window.Alpine.data('photoUploader', photoUploader))
})()
