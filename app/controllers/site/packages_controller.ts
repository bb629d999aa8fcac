import type { HttpContext } from '@adonisjs/core/http'
import Package from '#models/package'
import StudioSetting from '#models/studio_setting'

/** The public session packages: a list, and each package's page with its calendar. */
export default class PackagesController {
  async index({ view }: HttpContext) {
    const packages = await Package.query().withScopes((scopes) => scopes.active())
    return view.render('pages/site/packages/index', { packages, studio: await StudioSetting.current() })
  }

  async show({ params, view }: HttpContext) {
    const pkg = await Package.query().where('slug', String(params.slug)).where('active', true).firstOrFail()
    return view.render('pages/site/packages/show', { pkg, studio: await StudioSetting.current() })
  }
}
