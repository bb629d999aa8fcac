import app from '@adonisjs/core/services/app'
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { defineConfig } from '@adonisjs/core/bodyparser'
import { ensureFolder } from '#support/fs/ensure_folder'

/**
 * The only routes (patterns) that take multipart bodies: anywhere else one is refused
 * unread (415) by the upload gate (app/middleware/upload_gate_middleware.ts), which also
 * wants a signed-in user here and deletes the temp files after every request. Add a
 * route's pattern to accept uploads there.
 */
export const UPLOAD_ROUTES = ['/admin/galleries/:gallery_id/photos', '/admin/artworks', '/admin/artworks/:id', '/admin/products/:product_id/images', '/admin/watermark', '/admin/branding']

/** Where uploads wait while a request handles them (`tmp/uploads`, emptied per request). */
export const uploadsTmpFolder = ensureFolder(app.tmpPath('uploads'))

export default defineConfig({
  allowedMethods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  form: {
    convertEmptyStringsToNull: true,
    types: ['application/x-www-form-urlencoded'],
  },
  json: {
    convertEmptyStringsToNull: true,
    types: [
      'application/json',
      'application/json-patch+json',
      'application/vnd.api+json',
      'application/csp-report',
    ],
  },
  multipart: {
    autoProcess: UPLOAD_ROUTES,
    convertEmptyStringsToNull: true,
    processManually: [],
    limit: '80mb',
    types: ['multipart/form-data'],
    tmpFileName: () => join(uploadsTmpFolder, randomUUID()),
  },
})
