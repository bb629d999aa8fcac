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
