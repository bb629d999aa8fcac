import type { HttpContext } from '@adonisjs/core/http'
import Artwork from '#models/artwork'
import CataloguePolicy from '#policies/catalogue_policy'
import SaveArtworkPrintOptions from '#actions/catalogue/save_artwork_print_options'
import { artworkPrintOptionsValidator } from '#validators/artwork'
import { findByRouteId } from '#services/http/route_ids'

/** The prints one artwork is sold as, all set with one form. */
export default class ArtworkPrintOptionsController {
  async update(ctx: HttpContext) {
    await ctx.bouncer.with(CataloguePolicy).authorize('manage')
    const artwork = await findByRouteId(Artwork, ctx.params.artwork_id)
    const result = await SaveArtworkPrintOptions.handle(ctx.actor, artwork, await ctx.request.validateUsing(artworkPrintOptionsValidator))
    if (!result.ok) {
      if (ctx.request.accepts(['html', 'json']) === 'json') return ctx.response.unprocessableEntity({ errors: [{ field: 'options', message: 'Unknown print' }] })
      ctx.session.flash('error', 'One of those prints no longer exists: reload and try again.')
    } else {
      ctx.session.flash('success', `“${artwork.title}” is offered as ${result.offered} print${result.offered === 1 ? '' : 's'}.`)
    }
    return ctx.response.redirect().status(303).toRoute('admin.artworks.edit', { id: artwork.id })
  }
}
