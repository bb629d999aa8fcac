import type { HttpContext } from '@adonisjs/core/http'
import drive from '@adonisjs/drive/services/main'
import ModelRelease from '#models/model_release'
import ModelReleasePolicy from '#policies/model_release_policy'
import { findByRouteId, notFound } from '#services/http/route_ids'

/** A signed release's drawn signature, from the private disk: to the studio, or to the family that signed it. */
export default class ModelReleaseSignaturesController {
  async show({ bouncer, params, response }: HttpContext) {
    const release = await findByRouteId(ModelRelease, params.id)
    if (await bouncer.with(ModelReleasePolicy).denies('view', release)) notFound(ModelRelease)
    const disk = drive.use()
    if (!(await disk.exists(release.signatureKey))) notFound(ModelRelease)
    response.header('Content-Type', 'image/png')
    response.header('Cache-Control', 'private, max-age=3600')
    response.header('X-Content-Type-Options', 'nosniff')
    return response.stream(await disk.getStream(release.signatureKey))
  }
}
