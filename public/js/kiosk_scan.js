/*
 * Scan the check-in QR code from a confirmation email with the tablet's camera: the
 * browser's BarcodeDetector where it has one, otherwise jsQR served by the app. The code
 * (the session's check-in token) goes into the board's search, which finds that session.
 */
;(function () {
  const button = document.getElementById('kiosk-scan')
  const video = document.getElementById('kiosk-scan-video')
  const search = document.getElementById('kiosk-q')
  if (!button || !video || !search) return
  let stream = null

  function loadJsQr() {
    if (window.jsQR) return Promise.resolve(window.jsQR)
    return new Promise((resolve, reject) => {
      const script = document.createElement('script')
      script.src = button.dataset.decoder
      script.onload = () => resolve(window.jsQR)
      script.onerror = reject
      document.head.appendChild(script)
    })
  }

  async function makeDecoder() {
    if ('BarcodeDetector' in window) {
      const detector = new window.BarcodeDetector({ formats: ['qr_code'] })
      return async (source) => (await detector.detect(source))[0]?.rawValue
    }
    const jsQR = await loadJsQr()
    const canvas = document.createElement('canvas')
    const context = canvas.getContext('2d', { willReadFrequently: true })
    return async (source) => {
      canvas.width = source.videoWidth
      canvas.height = source.videoHeight
      if (!canvas.width) return null
      context.drawImage(source, 0, 0)
      const image = context.getImageData(0, 0, canvas.width, canvas.height)
      return jsQR(image.data, image.width, image.height)?.data
    }
  }

  function stop() {
    if (stream) stream.getTracks().forEach((track) => track.stop())
    stream = null
    video.hidden = true
    button.textContent = 'Scan QR code'
  }

  function found(value) {
    stop()
    search.value = value
    search.dispatchEvent(new Event('input', { bubbles: true }))
    search.form.requestSubmit()
  }

  button.addEventListener('click', async () => {
    if (stream) return stop()
    try {
      const decode = await makeDecoder()
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } })
      video.srcObject = stream
      video.hidden = false
      await video.play()
      button.textContent = 'Stop scanning'
      const tick = async () => {
        if (!stream) return
        const value = await decode(video).catch(() => null)
        if (value) return found(value)
        requestAnimationFrame(tick)
      }
      tick()
    } catch (error) {
      stop()
      button.textContent = 'Camera unavailable: type the session number'
    }
  })
})()
