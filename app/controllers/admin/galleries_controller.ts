import type { HttpContext } from '@adonisjs/core/http'
import PhotoSession from '#models/photo_session'
import StudioSetting from '#models/studio_setting'
import type User from '#models/user'
import GalleryPolicy from '#policies/gallery_policy'
import { createGalleryValidator, gallerySearchValidator, updateGalleryValidator } from '#validators/gallery'
import { GALLERY_SESSION_STATUSES } from '#validators/rules/gallery_rules'
import CreateGallery from '#actions/galleries/create_gallery'
import UpdateGallery from '#actions/galleries/update_gallery'
import DeleteGallery from '#actions/galleries/delete_gallery'
import SearchGalleries from '#actions/galleries/search_galleries'
import CountGalleries from '#actions/galleries/count_galleries'
import { uniqueAccessCode } from '#support/access_codes'
import { publicGalleryPath, shareGalleryUrl } from '#services/galleries/gallery_links'
import { filledQuery } from '#services/http/query_string'
import { fieldError } from '#services/http/field_error'
import { managedGallery } from '#controllers/admin/managed_gallery'

const TAKEN = {
  slug_taken: ['slug', 'Another gallery already uses this address'],
  code_taken: ['accessCode', 'Another gallery already uses this code'],
} as const

/** A photographer's list and picker hold their own photo sessions' galleries; admins see all. */
const ownedBy = (user: User) => (user.hasRole('photographer') ? user.id : null)

export default class GalleriesController {
  async index({ auth, bouncer, request, view }: HttpContext) {
    await bouncer.with(GalleryPolicy).authorize('viewList')
    const photographerId = ownedBy(auth.getUserOrFail())
    const filters = await gallerySearchValidator.validate(filledQuery(request.qs()))
    const galleries = await SearchGalleries.handle({ ...filters, photographerId })
    galleries.baseUrl(request.url()).queryString(filledQuery(request.qs()))
    if (request.header('hx-request')) return view.render('pages/admin/galleries/_table', { galleries, filters })
    return view.render('pages/admin/galleries/index', { galleries, filters, counts: await CountGalleries.handle({ photographerId }) })
  }

  async create({ auth, bouncer, request, view }: HttpContext) {
    await bouncer.with(GalleryPolicy).authorize('viewList')
    const photographerId = ownedBy(auth.getUserOrFail())
    return view.render('pages/admin/galleries/create', {
      sessions: await sessionChoices(photographerId),
      standalone: !photographerId,
      accessCode: await uniqueAccessCode(),
      photoSessionId: request.qs().photoSessionId ?? null,
      studio: await StudioSetting.current(),
    })
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(GalleryPolicy).authorize('viewList')
    const input = await ctx.request.validateUsing(createGalleryValidator, { meta: {} })
    const session = input.photoSessionId ? await PhotoSession.find(input.photoSessionId) : null
    await ctx.bouncer.with(GalleryPolicy).authorize('create', session)
    const result = await CreateGallery.handle(ctx.actor, input)
    if (!result.ok) throw fieldError(TAKEN[result.reason][0], TAKEN[result.reason][1])
    ctx.session.flash('success', `“${result.gallery.name}” is ready as a draft: add photos, then publish it.`)
    return ctx.response.redirect().status(303).toRoute('admin.galleries.show', { id: result.gallery.id })
  }

  async show(ctx: HttpContext) {
    const gallery = await managedGallery(ctx, 'id')
    await gallery.load((loader) => loader.load('photoSession', (session) => session.preload('user').preload('package')))
    return ctx.view.render('pages/admin/galleries/show', {
      gallery,
      shareUrl: shareGalleryUrl(gallery),
      previewPath: publicGalleryPath(gallery),
      studio: await StudioSetting.current(),
    })
  }

  async edit(ctx: HttpContext) {
    const gallery = await managedGallery(ctx, 'id')
    return ctx.view.render('pages/admin/galleries/edit', { gallery, studio: await StudioSetting.current() })
  }

  async update(ctx: HttpContext) {
    const gallery = await managedGallery(ctx, 'id')
    const input = await ctx.request.validateUsing(updateGalleryValidator, { meta: { galleryId: gallery.id } })
    const result = await UpdateGallery.handle(ctx.actor, gallery, input)
    if (!result.ok) throw fieldError(TAKEN[result.reason][0], TAKEN[result.reason][1])
    const ended = result.endedAccess ? ' Visitors must enter again with the new details.' : ''
    ctx.session.flash('success', `“${gallery.name}” is saved.${ended}`)
    return ctx.response.redirect().status(303).toRoute('admin.galleries.show', { id: gallery.id })
  }

  async destroy(ctx: HttpContext) {
    const gallery = await managedGallery(ctx, 'id')
    await DeleteGallery.handle(ctx.actor, gallery)
    ctx.session.flash('success', `“${gallery.name}” is deleted: families can no longer open it.`)
    return ctx.response.redirect().status(303).toRoute('admin.galleries.index')
  }
}

/** Photo sessions a gallery can be made for, newest first, with the family for the picker. */
function sessionChoices(photographerId: string | null) {
  const query = PhotoSession.query()
    .withScopes((scopes) => scopes.byStatus(...GALLERY_SESSION_STATUSES))
    .preload('user')
    .orderBy('startsAt', 'desc')
    .limit(100)
  if (photographerId) query.where('photographerId', photographerId)
  return query
}
