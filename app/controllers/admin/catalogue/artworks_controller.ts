import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import Artwork from '#models/artwork'
import ArtworkPrintOption from '#models/artwork_print_option'
import CataloguePolicy from '#policies/catalogue_policy'
import SaveArtwork from '#actions/catalogue/save_artwork'
import DeleteArtwork from '#actions/catalogue/delete_artwork'
import { artworkSearchValidator, artworkValidator } from '#validators/artwork'
import { findByRouteId } from '#services/http/route_ids'
import { mediaUrl } from '#services/media/media_urls'
import { flashFieldError } from '#controllers/site/flash_field_error'
import { categoryOptions, photographerOptions, printVariants } from '#controllers/admin/catalogue/catalogue_choices'

/** The portfolio's artworks: list with filters, create and edit (picture, status, print options). */
export default class ArtworksController {
  async index({ bouncer, request, view }: HttpContext) {
    await bouncer.with(CataloguePolicy).authorize('manage')
    const filters = await artworkSearchValidator.validate(request.qs())
    const artworks = await Artwork.query()
      .if(filters.category, (q) => q.where('category_id', filters.category!))
      .if(filters.status, (q) => q.where('status', filters.status!))
      .if(filters.featured, (q) => q.where('featured', true))
      .preload('category')
      .preload('mediaAsset')
      .withCount('printOptions', (q) => q.where('available', true))
      .orderBy('sort_order')
      .orderBy('title')
    const thumbs = Object.fromEntries(
      artworks.filter((a) => a.mediaAsset?.status === 'ready').map((a) => [a.id, mediaUrl(a.mediaAssetId!, 'thumb', 'studio')])
    )
    return view.render('pages/admin/artworks/index', { artworks, thumbs, filters, categories: await categoryOptions() })
  }

  async create({ bouncer, view }: HttpContext) {
    await bouncer.with(CataloguePolicy).authorize('manage')
    return view.render('pages/admin/artworks/create', { categories: await categoryOptions(), photographers: await photographerOptions() })
  }

  async store(ctx: HttpContext) {
    await ctx.bouncer.with(CataloguePolicy).authorize('manage')
    const result = await SaveArtwork.handle(ctx.actor, await ctx.request.validateUsing(artworkValidator, { meta: {} }))
    if (!result.ok) return this.refuseImage(ctx, result.message)
    ctx.session.flash('success', `“${result.artwork.title}” is saved. Choose the prints it is sold as.`)
    return ctx.response.redirect().status(303).toRoute('admin.artworks.edit', { id: result.artwork.id })
  }

  async edit({ bouncer, params, view }: HttpContext) {
    await bouncer.with(CataloguePolicy).authorize('manage')
    const artwork = await findByRouteId(Artwork, params.id)
    await artwork.load('mediaAsset')
    const [categories, photographers, variants, options, ordered] = await Promise.all([
      categoryOptions(),
      photographerOptions(),
      printVariants(),
      ArtworkPrintOption.query().where('artwork_id', artwork.id),
      db.from('order_items').where('artwork_id', artwork.id).count('* as n').first(),
    ])
    const optionOf = Object.fromEntries(options.map((o) => [o.productVariantId, o]))
    const thumb = artwork.mediaAsset?.status === 'ready' ? mediaUrl(artwork.mediaAssetId!, 'preview', 'studio') : null
    return view.render('pages/admin/artworks/edit', { artwork, categories, photographers, variants, optionOf, thumb, ordered: Number(ordered?.n ?? 0) })
  }

  async update(ctx: HttpContext) {
    await ctx.bouncer.with(CataloguePolicy).authorize('manage')
    const artwork = await findByRouteId(Artwork, ctx.params.id)
    const input = await ctx.request.validateUsing(artworkValidator, { meta: { id: artwork.id } })
    const result = await SaveArtwork.handle(ctx.actor, input, artwork)
    if (!result.ok) return this.refuseImage(ctx, result.message)
    ctx.session.flash('success', `“${artwork.title}” is saved${artwork.status === 'published' ? ' and on the portfolio' : ' as a draft'}.`)
    return ctx.response.redirect().status(303).toRoute('admin.artworks.edit', { id: artwork.id })
  }

  async destroy(ctx: HttpContext) {
    await ctx.bouncer.with(CataloguePolicy).authorize('manage')
    const artwork = await findByRouteId(Artwork, ctx.params.id)
    const result = await DeleteArtwork.handle(ctx.actor, artwork)
    if (!result.ok) {
      ctx.session.flash('error', `“${artwork.title}” was ordered: archive it instead, its orders still name it.`)
      return ctx.response.redirect().status(303).toRoute('admin.artworks.edit', { id: artwork.id })
    }
    ctx.session.flash('success', `“${artwork.title}” is deleted.`)
    return ctx.response.redirect().status(303).toRoute('admin.artworks.index')
  }

  /** A picture refused by its bytes: a field error like any other (422 for JSON). */
  private refuseImage(ctx: HttpContext, message: string) {
    if (ctx.request.accepts(['html', 'json']) === 'json') return ctx.response.unprocessableEntity({ errors: [{ field: 'image', message }] })
    flashFieldError(ctx, 'image', message)
    return ctx.response.redirect().back()
  }
}
