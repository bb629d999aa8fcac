import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import app from '@adonisjs/core/services/app'

const versions = new Map<string, string>()

/**
 * `/css/app.css?v=3f2a9c1b`: the query changes whenever the file does, so browsers
 * may cache public files for long and still never run a stale htmx or stylesheet.
 */
export function assetUrl(path: string) {
  const clean = path.replace(/^\//, '')
  let version = app.inDev ? undefined : versions.get(clean)
  if (version === undefined) {
    try {
      version = createHash('sha1').update(readFileSync(app.publicPath(clean))).digest('hex').slice(0, 8)
    } catch {
      version = '0'
    }
    versions.set(clean, version)
  }
  return `/${clean}?v=${version}`
}
