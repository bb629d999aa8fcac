import 'reflect-metadata'
import { randomBytes } from 'node:crypto'
import { Ignitor } from '@adonisjs/core'

export const APP_ROOT = new URL('../../', import.meta.url)

/**
 * The variables Loupe needs to boot, for benches run from a clean checkout (no .env).
 * Values already in the environment win, so a bench can be pointed elsewhere.
 */
export function benchEnv(overrides: Record<string, string> = {}): Record<string, string> {
  const defaults: Record<string, string> = {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '3460',
    APP_KEY: randomBytes(24).toString('base64url'),
    LOG_LEVEL: 'warn',
    DRIVE_ROOT: 'tmp/bench-storage',
  }
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries({ ...defaults, ...overrides })) env[key] = process.env[key] || value
  return env
}

/**
 * Boots Loupe inside this script (providers registered and booted, no HTTP server),
 * so a bench can call the same services the app and its jobs call.
 */
export async function bootApp() {
  for (const [key, value] of Object.entries(benchEnv())) process.env[key] ??= value
  const ignitor = new Ignitor(APP_ROOT, {
    importer: (filePath: string) =>
      filePath.startsWith('./') || filePath.startsWith('../') ? import(new URL(filePath, APP_ROOT).href) : import(filePath),
  })
  const app = ignitor.createApp('console')
  app.booting(async () => {
    await import('#start/env')
  })
  await app.init()
  await app.boot()
  return app
}
