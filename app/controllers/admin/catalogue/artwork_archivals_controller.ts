import type { HttpContext } from '@adonisjs/core/http'
import Artwork from '#models/artwork'
import CataloguePolicy from '#policies/catalogue_policy'
import ArchiveArtwork from '#actions/catalogue/archive_artwork'
import RestoreArtwork from '#actions/catalogue/restore_artwork'
import { findByRouteId } from '#services/http/route_ids'

/** An artwork's archival as a resource: store archives, destroy restores it as a draft. */
export default class ArtworkArchivalsController {
  async store(ctx: HttpContext) {
    const artwork = await this.load(ctx)
    const result = await ArchiveArtwork.handle(ctx.actor, artwork)
    if (result.ok) ctx.session.flash('success', `“${artwork.title}” is archived: it is off the site.`)
    else ctx.session.flash('error', 'This artwork is already archived.')
    return ctx.response.redirect().status(303).toRoute('admin.artworks.edit', { id: artwork.id })
  }

  async destroy(ctx: HttpContext) {
    const artwork = await this.load(ctx)
    const result = await RestoreArtwork.handle(ctx.actor, artwork)
    if (result.ok) ctx.session.flash('success', `“${artwork.title}” is restored as a draft: publish it to show it again.`)
    else ctx.session.flash('error', 'This artwork is not archived.')
    return ctx.response.redirect().status(303).toRoute('admin.artworks.edit', { id: artwork.id })
  }

  private async load(ctx: HttpContext) {
    await ctx.bouncer.with(CataloguePolicy).authorize('manage')
    return findByRouteId(Artwork, ctx.params.artwork_id)
  }
}
