// The gallery page's "Copy" buttons (share link, access code). Alpine CSP build: no inline expressions.
document.addEventListener('alpine:init', () => {
  window.Alpine.data('copyable', () => ({
    copied: false,
    async copy() {
      const input = this.$refs.value
      input.select()
      try {
        await navigator.clipboard.writeText(input.value)
      } catch {
        document.execCommand('copy')
      }
      this.copied = true
      setTimeout(() => (this.copied = false), 2000)
    },
    get label() {
      return this.copied ? 'Copied' : 'Copy'
    },
  }))
})
