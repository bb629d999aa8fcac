/*
 * A drawn signature: pointer strokes on a canvas (finger, stylus or mouse), copied as a PNG
 * data URL into the hidden input the canvas names after every stroke. No inline script:
 * the canvas says which input it fills (data-signature-input), a button which pad it clears.
 */
;(function () {
  document.querySelectorAll('canvas[data-signature-input]').forEach((canvas) => {
    const input = document.getElementById(canvas.dataset.signatureInput)
    const context = canvas.getContext('2d')
    context.lineWidth = 3
    context.lineCap = 'round'
    context.lineJoin = 'round'
    context.strokeStyle = '#1d1b2e'
    let drawing = false

    function point(event) {
      const box = canvas.getBoundingClientRect()
      return [((event.clientX - box.left) * canvas.width) / box.width, ((event.clientY - box.top) * canvas.height) / box.height]
    }

    canvas.addEventListener('pointerdown', (event) => {
      drawing = true
      canvas.setPointerCapture(event.pointerId)
      context.beginPath()
      context.moveTo(...point(event))
      context.lineTo(...point(event))
      context.stroke()
    })
    canvas.addEventListener('pointermove', (event) => {
      if (!drawing) return
      context.lineTo(...point(event))
      context.stroke()
    })
    const finish = () => {
      if (!drawing) return
      drawing = false
      input.value = canvas.toDataURL('image/png')
    }
    canvas.addEventListener('pointerup', finish)
    canvas.addEventListener('pointercancel', finish)

    const clear = document.querySelector(`[data-signature-clear="${canvas.id}"]`)
    if (clear) {
      clear.addEventListener('click', () => {
        context.clearRect(0, 0, canvas.width, canvas.height)
        input.value = ''
      })
    }
  })
})()
