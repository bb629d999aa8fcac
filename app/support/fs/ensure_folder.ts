import { mkdirSync } from 'node:fs'

/**
 * Creates a runtime folder (the SQLite file's folder, the drive root, upload temp
 * files) before anything writes to it: a fresh clone has none of them, `tmp/` and
 * `storage/` being gitignored. Never throws: a path that can't be created is reported
 * by whatever opens it next (`node ace db:check` names it in one line).
 */
export function ensureFolder(path: string) {
  try {
    mkdirSync(path, { recursive: true })
  } catch {}
  return path
}
