/*
 * Self-service screens go back to the start after a while with nobody touching them (60 s
 * on a family's page, less on the thank-you page): the next family never finds the last
 * one's details on the tablet.
 */
;(function () {
  const screen = document.querySelector('[data-self-service][data-idle-url]')
  if (!screen) return
  const seconds = Number(screen.dataset.idleSeconds) || 60
  let timer = null
  function reset() {
    clearTimeout(timer)
    timer = setTimeout(() => location.replace(screen.dataset.idleUrl), seconds * 1000)
  }
  for (const type of ['pointerdown', 'keydown', 'input', 'scroll']) document.addEventListener(type, reset, { passive: true, capture: true })
  reset()
})()
