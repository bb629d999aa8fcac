import { spawnSync } from 'node:child_process'
import { existsSync, lstatSync, symlinkSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const BUILD = join(ROOT, 'build')

/**
 * The production build (`node ace build` → build/, compiled JS run by plain node), made
 * fresh unless `rebuild` is false and one exists. `node ace build` wipes build/ first.
 * Type errors elsewhere in the tree don't stop it (tsc still emits). Instead of the slow
 * `npm ci --omit=dev` inside build/, the checkout's node_modules is linked in.
 */
export function productionBuild({ rebuild }: { rebuild: boolean }) {
  if (rebuild || !existsSync(join(BUILD, 'bin/server.js'))) {
    console.log('  building for production (node ace build)…')
    const started = performance.now()
    const result = spawnSync(process.execPath, ['ace', 'build', '--ignore-ts-errors'], { cwd: ROOT, encoding: 'utf8' })
    if (result.status !== 0 || !existsSync(join(BUILD, 'bin/server.js'))) {
      process.stderr.write(result.stdout + result.stderr)
      throw new Error('node ace build failed')
    }
    console.log(`  built in ${((performance.now() - started) / 1000).toFixed(0)} s`)
  } else {
    console.log('  reusing build/ (--rebuild=false): it may not match the source')
  }
  const modules = join(BUILD, 'node_modules')
  if (!existsSync(modules) && !isSymlink(modules)) symlinkSync('../node_modules', modules, 'dir')
  return BUILD
}

/** A path under the checkout (relative or absolute) as the build's app root sees it. */
export const fromBuild = (path: string) => relative(BUILD, resolve(ROOT, path))

function isSymlink(path: string) {
  try {
    return lstatSync(path).isSymbolicLink()
  } catch {
    return false
  }
}
