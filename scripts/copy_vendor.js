/*
| Copies htmx, Alpine (CSP build) and jsQR from node_modules into public/vendor/ so the
| app serves them itself (no CDN). public/vendor/ is generated, not committed.
*/
import { copyFileSync, mkdirSync, existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const target = join(root, 'public', 'vendor')
const files = [
  ['htmx.org/dist/htmx.min.js', 'htmx.min.js'],
  ['@alpinejs/csp/dist/cdn.min.js', 'alpine-csp.min.js'],
  // The kiosk's QR decoder where the browser has no BarcodeDetector.
  ['jsqr/dist/jsQR.js', 'jsqr.js'],
]

mkdirSync(target, { recursive: true })
for (const [from, to] of files) {
  const source = join(root, 'node_modules', from)
  if (!existsSync(source)) {
    console.warn(`copy_vendor: ${from} is not installed; skipped`)
    continue
  }
  copyFileSync(source, join(target, to))
}
