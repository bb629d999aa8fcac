import type { HttpContext } from '@adonisjs/core/http'
import StudioSetting from '#models/studio_setting'
import StudioPolicy from '#policies/studio_policy'
import UpdateBranding from '#actions/studio/update_branding'
import { updateBrandingValidator } from '#validators/branding'
import { flashFieldError } from '#controllers/site/flash_field_error'

/** Admin → Branding: the logo and colours the studio's gallery pages wear. */
export default class BrandingsController {
  async show(ctx: HttpContext) {
    await ctx.bouncer.with(StudioPolicy).authorize('manage')
    return ctx.view.render('pages/admin/branding/show', { settings: await StudioSetting.current() })
  }

  async update(ctx: HttpContext) {
    await ctx.bouncer.with(StudioPolicy).authorize('manage')
    const input = await ctx.request.validateUsing(updateBrandingValidator)
    const result = await UpdateBranding.handle(ctx.actor, input)
    if (!result.ok) {
      flashFieldError(ctx, 'logo', result.message)
      return ctx.response.redirect().status(303).toRoute('admin.branding.show')
    }
    ctx.session.flash('success', 'The branding is saved: gallery pages wear it now.')
    return ctx.response.redirect().status(303).toRoute('admin.branding.show')
  }
}
