import type { HttpContext } from '@adonisjs/core/http'
import Gallery from '#models/gallery'
import GalleryPolicy from '#policies/gallery_policy'
import { isUuid, notFound } from '#services/http/route_ids'

/**
 * The gallery a studio route names (`:id` or `:gallery_id`), found with its access facts
 * and authorised by GalleryPolicy: 404 when unknown, 403 when not this user's to manage.
 */
export async function managedGallery(ctx: HttpContext, param: 'id' | 'gallery_id' = 'gallery_id', ability: 'manage' | 'viewAsStudio' = 'manage') {
  const id = ctx.params[param]
  const gallery = (isUuid(id) ? await Gallery.findWithFacts(id) : null) ?? notFound(Gallery)
  await ctx.bouncer.with(GalleryPolicy).authorize(ability, gallery)
  return gallery
}
