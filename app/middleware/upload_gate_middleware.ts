import { rm } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type { MultipartFile } from '@adonisjs/core/bodyparser'

/**
 * Multipart bodies are read only on the upload routes (config/bodyparser.ts), and only
 * from a signed-in user: anything else is answered before a byte of the body is read,
 * and the connection closed so the rest isn't streamed to us. Whatever the handler
 * did (or threw), the request's temp files are deleted afterwards.
 * Sits before the body parser, after the HTTP session and auth are initialised.
 */
export default class UploadGateMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const { multipart } = app.config.get<any>('bodyparser')
    if (!ctx.request.hasBody() || !ctx.request.is(multipart.types)) return next()

    const uploadRoute = (multipart.autoProcess as string[]).includes(ctx.route?.pattern ?? '')
    if (!uploadRoute) return refuse(ctx, 415, 'This address does not take file uploads.')
    if (!(await ctx.auth.check())) return refuse(ctx, 401, 'Sign in to upload files.')

    try {
      return await next()
    } finally {
      await Promise.all(tempPaths(ctx).map((path) => rm(path, { force: true })))
    }
  }
}

function refuse(ctx: HttpContext, status: number, message: string) {
  ctx.response.header('Connection', 'close')
  ctx.response.status(status)
  if (ctx.request.accepts(['html', 'json']) === 'json') return ctx.response.send({ errors: [{ message }] })
  return ctx.response.type('text/plain').send(message)
}

function tempPaths(ctx: HttpContext) {
  const files = Object.values(ctx.request.allFiles()).flat(Infinity) as MultipartFile[]
  return files.map((file) => file.tmpPath).filter((path): path is string => !!path)
}
