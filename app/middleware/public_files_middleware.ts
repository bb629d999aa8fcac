import { readdirSync } from 'node:fs'
import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import StaticMiddleware from '@adonisjs/static/static_middleware'

/**
 * The top-level names in public/ (css, js, vendor, favicon.svg…), read once at boot: files
 * are served from under them only. Adding a top-level folder to public/ needs a restart.
 */
function publicNames() {
  try {
    return new Set(readdirSync(app.publicPath()))
  } catch {
    return new Set<string>()
  }
}

/**
 * Serves public/ files (the static middleware), but asks the disk only about paths that
 * can be one: the static server stats every request's path first, so every page (a
 * gallery view, /bench/hello) cost a failed fs.stat and its ENOENT error before reaching
 * the router.
 */
export default class PublicFilesMiddleware {
  static names = publicNames()
  /**
   * The static server, made once: the container binds it afresh on each resolve, and a
   * server middleware is resolved on every request (a new serve-static each time).
   */
  static files: Promise<StaticMiddleware> | null = null

  async handle(ctx: HttpContext, next: NextFn) {
    const url = ctx.request.url()
    const first = url.slice(1, (url.indexOf('/', 1) + 1 || url.length + 1) - 1)
    if (!PublicFilesMiddleware.names.has(first)) return next()
    PublicFilesMiddleware.files ??= app.container.make(StaticMiddleware)
    return (await PublicFilesMiddleware.files).handle(ctx, next)
  }
}
