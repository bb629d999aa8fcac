import type { HttpContext } from '@adonisjs/core/http'
import { errors as bouncerErrors, AuthorizationResponse } from '@adonisjs/bouncer'
import type Gallery from '#models/gallery'
import logger from '@adonisjs/core/services/logger'
import router from '@adonisjs/core/services/router'
import { notFound } from '#controllers/site/gallery_access'

/** Back to the gallery's page, which says why it no longer opens and how to reach the studio. */
export function backToGallery(ctx: HttpContext, gallery: Pick<Gallery, 'slug'>) {
  return ctx.response.redirect().status(303).toRoute('galleries.show', { slug: gallery.slug })
}

/**
 * The answer to a signed download link the gallery no longer honours (OpenPhotoDownload
 * re-checks it): 404 when the photo is gone, back to the gallery when it expired or went
 * offline, 403 when downloads were turned off meanwhile.
 */
export function refuseDownload(
  ctx: HttpContext,
  gallery: Pick<Gallery, 'slug'> | null,
  reason: 'not_found' | 'unavailable' | 'downloads_disabled' | 'processing' | 'file_missing'
) {
  if (reason === 'unavailable' && gallery) return backToGallery(ctx, gallery)
  if (reason === 'processing' || reason === 'file_missing') return explainUnready(ctx, gallery, reason)
  if (reason === 'downloads_disabled') {
    throw new bouncerErrors.E_AUTHORIZATION_FAILURE(AuthorizationResponse.deny('Downloads are turned off for this gallery.', 403))
  }
  notFound(ctx)
}

/** A third ZIP while two are streaming: 429, saying what to do. */
export function tooManyArchives(ctx: HttpContext, limit: number) {
  const message = `You already have ${limit} downloads of photos running. Wait for one to finish, then try again.`
  ctx.response.status(429).header('Retry-After', '30')
  if (ctx.request.accepts(['html', 'json']) === 'json') return { errors: [{ message, status: 429 }], retryAfter: 30 }
  return ctx.view.render('pages/errors/status', { status: 429, message, retryAfter: 30, area: 'site', backUrl: null })
}

const UNREADY_MESSAGES = {
  processing: 'This photo is still being prepared. Try again in a minute or two.',
  file_missing: "This photo's file can't be delivered right now. The studio has been told: please ask them for it.",
}

/** A photo the page shows whose file isn't ready (or was lost): 409, saying why and what to do, never a bare 404. */
function explainUnready(ctx: HttpContext, gallery: Pick<Gallery, 'slug'> | null, reason: 'processing' | 'file_missing') {
  const message = UNREADY_MESSAGES[reason]
  if (reason === 'file_missing') logger.warn({ gallery: gallery?.slug, path: ctx.request.url() }, 'download of a photo whose file is missing')
  ctx.response.status(409)
  if (reason === 'processing') ctx.response.header('Retry-After', '60')
  if (ctx.request.accepts(['html', 'json']) === 'json') return { errors: [{ message, status: 409 }] }
  const backUrl = gallery ? router.makeUrl('galleries.show', { slug: gallery.slug }) : null
  return ctx.view.render('pages/errors/status', { status: 409, message, area: 'site', backUrl, backLabel: 'Back to the gallery' })
}
