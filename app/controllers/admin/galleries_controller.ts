import type { HttpContext } from '@adonisjs/core/http'
import Gallery from '#models/gallery'
import PhotoSession from '#models/photo_session'
import StudioSetting from '#models/studio_setting'
import GalleryPolicy from '#policies/gallery_policy'
import { createGalleryValidator, gallerySearchValidator, updateGalleryValidator } from '#validators/gallery'
import { GALLERY_SESSION_STATUSES } from '#validators/rules/gallery_rules'
import CreateGallery from '#actions/galleries/create_gallery'
import UpdateGallery from '#actions/galleries/update_gallery'
import DeleteGallery from '#actions/galleries/delete_gallery'
import SearchGalleries from '#actions/galleries/search_galleries'
import CountGalleries from '#actions/galleries/count_galleries'
import { uniqueAccessCode } from '#services/galleries/unique_access_code'
import { publicGalleryPath, publicGalleryUrl } from '#services/galleries/gallery_links'
import { filledQuery } from '#services/http/query_string'
import { findByRouteId } from '#services/http/route_ids'

export default class GalleriesController {
  async index({ bouncer, request, view }: HttpContext) {
    await bouncer.with(GalleryPolicy).authorize('manage')
    const filters = await gallerySearchValidator.validate(filledQuery(request.qs()))
    const galleries = await SearchGalleries.handle(filters)
    galleries.baseUrl(request.url()).queryString(filledQuery(request.qs()))
    if (request.header('hx-request')) return view.render('pages/admin/galleries/_table', { galleries, filters })
    return view.render('pages/admin/galleries/index', { galleries, filters, counts: await CountGalleries.handle() })
  }

  async create({ bouncer, request, view }: HttpContext) {
    await bouncer.with(GalleryPolicy).authorize('manage')
    return view.render('pages/admin/galleries/create', {
      sessions: await sessionChoices(),
      accessCode: await uniqueAccessCode(),
      photoSessionId: request.qs().photoSessionId ?? null,
      studio: await StudioSetting.current(),
    })
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(GalleryPolicy).authorize('manage')
    const input = await ctx.request.validateUsing(createGalleryValidator, { meta: {} })
    const gallery = await CreateGallery.handle(ctx, input)
    ctx.session.flash('success', `“${gallery.name}” is ready as a draft: add photos, then publish it.`)
    return ctx.response.redirect().status(303).toRoute('admin.galleries.show', { id: gallery.id })
  }

  async show({ bouncer, params, view }: HttpContext) {
    await bouncer.with(GalleryPolicy).authorize('manage')
    const gallery = await findGallery(params.id)
    return view.render('pages/admin/galleries/show', {
      gallery,
      shareUrl: publicGalleryUrl(gallery),
      previewPath: publicGalleryPath(gallery),
      studio: await StudioSetting.current(),
    })
  }

  async edit({ bouncer, params, view }: HttpContext) {
    await bouncer.with(GalleryPolicy).authorize('manage')
    const gallery = await findGallery(params.id)
    return view.render('pages/admin/galleries/edit', { gallery, studio: await StudioSetting.current() })
  }

  async update(ctx: HttpContext) {
    await ctx.bouncer.with(GalleryPolicy).authorize('manage')
    const gallery = await findByRouteId(Gallery, ctx.params.id)
    const input = await ctx.request.validateUsing(updateGalleryValidator, { meta: { galleryId: gallery.id } })
    await UpdateGallery.handle(ctx, gallery, input)
    ctx.session.flash('success', `“${gallery.name}” is saved.`)
    return ctx.response.redirect().status(303).toRoute('admin.galleries.show', { id: gallery.id })
  }

  async destroy(ctx: HttpContext) {
    await ctx.bouncer.with(GalleryPolicy).authorize('manage')
    const gallery = await findByRouteId(Gallery, ctx.params.id)
    await DeleteGallery.handle(ctx, gallery)
    ctx.session.flash('success', `“${gallery.name}” is deleted: families can no longer open it.`)
    return ctx.response.redirect().status(303).toRoute('admin.galleries.index')
  }
}

async function findGallery(id: unknown) {
  const gallery = await findByRouteId(Gallery, id)
  await gallery.load((loader) => loader.load('photoSession', (session) => session.preload('user').preload('package')))
  return gallery
}

/** Photo sessions a gallery can be made for, newest first, with the family for the picker. */
function sessionChoices() {
  return PhotoSession.query()
    .withScopes((scopes) => scopes.byStatus(...GALLERY_SESSION_STATUSES))
    .preload('user')
    .orderBy('startsAt', 'desc')
    .limit(100)
}
