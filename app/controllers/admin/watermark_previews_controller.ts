import type { HttpContext } from '@adonisjs/core/http'
import { errors as vineErrors } from '@vinejs/vine'
import StudioPolicy from '#policies/studio_policy'
import PreviewWatermark from '#actions/studio/preview_watermark'
import { watermarkPreviewValidator } from '#validators/watermark'

/**
 * Admin → Watermark's live preview, one URL with two renders: htmx (the form changed) gets
 * the preview fragment, whose <img> asks the same URL for the marked sample photo.
 */
export default class WatermarkPreviewsController {
  async show(ctx: HttpContext) {
    await ctx.bouncer.with(StudioPolicy).authorize('manage')
    const fragment = !!ctx.request.header('hx-request')
    let input
    try {
      input = await watermarkPreviewValidator.validate(ctx.request.qs())
    } catch (error) {
      if (!(error instanceof vineErrors.E_VALIDATION_ERROR)) throw error
      if (fragment) return ctx.view.render('pages/admin/watermarks/_preview', { query: null })
      return ctx.response.unprocessableEntity({ errors: error.messages })
    }
    if (fragment) return ctx.view.render('pages/admin/watermarks/_preview', { query: input })
    const { image, hash } = await PreviewWatermark.handle(input)
    ctx.response.header('Content-Type', 'image/webp')
    ctx.response.header('ETag', `"${hash}"`)
    ctx.response.header('Cache-Control', 'private, max-age=3600')
    return ctx.response.send(image)
  }
}
