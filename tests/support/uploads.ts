import { randomUUID } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'

/**
 * Records every temp file the body parser opens until the returned `stop()`: the
 * in-process server reads `multipart.tmpFileName` from the live config on each file.
 */
export function recordUploadTempFiles() {
  const multipart = app.config.get<any>('bodyparser').multipart
  const original = multipart.tmpFileName
  const paths: string[] = []
  multipart.tmpFileName = () => {
    const path = original ? original() : join(tmpdir(), randomUUID())
    paths.push(path)
    return path
  }
  return {
    paths,
    stop: () => {
      multipart.tmpFileName = original
    },
  }
}
