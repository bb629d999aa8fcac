import type { HttpContext } from '@adonisjs/core/http'
import StudioSetting from '#models/studio_setting'
import StudioPolicy from '#policies/studio_policy'
import UpdateWatermark from '#actions/studio/update_watermark'
import WatermarkProgressOf from '#actions/studio/watermark_progress'
import { updateWatermarkValidator } from '#validators/watermark'
import { WATERMARK_PLACEMENTS } from '#services/images/watermark'
import { flashFieldError } from '#controllers/site/flash_field_error'

/** Admin → Watermark: the studio's mark, and how far re-marking the galleries has come. */
export default class WatermarksController {
  async show(ctx: HttpContext) {
    await ctx.bouncer.with(StudioPolicy).authorize('manage')
    const settings = await StudioSetting.current()
    const progress = await WatermarkProgressOf.handle(settings.watermarkVersion)
    const page = ctx.request.header('hx-request') ? 'pages/admin/watermarks/_progress' : 'pages/admin/watermarks/show'
    const query = { text: settings.watermarkText ?? '', opacity: settings.watermarkOpacity, size: settings.watermarkSize, placement: settings.watermarkPlacement, angle: settings.watermarkAngle }
    return ctx.view.render(page, { settings, progress, placements: WATERMARK_PLACEMENTS, query })
  }

  async update(ctx: HttpContext) {
    await ctx.bouncer.with(StudioPolicy).authorize('manage')
    const { logo, ...input } = await ctx.request.validateUsing(updateWatermarkValidator)
    const result = await UpdateWatermark.handle(ctx.actor, { ...input, logoPath: logo?.tmpPath ?? null })
    if (!result.ok) {
      flashFieldError(ctx, 'logo', 'That file is not a PNG image: upload the logo as a PNG')
      return ctx.response.redirect().status(303).toRoute('admin.watermark.show')
    }
    ctx.session.flash('success', result.galleries ? `The watermark is saved: re-making it for ${result.galleries} watermarked ${result.galleries === 1 ? 'gallery' : 'galleries'}.` : 'The watermark is saved.')
    return ctx.response.redirect().status(303).toRoute('admin.watermark.show')
  }
}
