import { existsSync } from 'node:fs'
import { chromium } from 'playwright'

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  return candidates.find((path): path is string => !!path && existsSync(path)) ?? null
}

/** Debian's Chromium, headless, with the flags this offline machine needs. */
export function launchChromium(options: Record<string, unknown> = {}) {
  const executablePath = chromiumPath()
  if (!executablePath) throw new Error('Chromium not found: set CHROMIUM_PATH or apt-get install chromium')
  return chromium.launch({
    ...options,
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  })
}
