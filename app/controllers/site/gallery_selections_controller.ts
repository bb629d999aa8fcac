import type { HttpContext } from '@adonisjs/core/http'
import { errors as bouncerErrors, AuthorizationResponse } from '@adonisjs/bouncer'
import SubmitSelection from '#actions/galleries/submit_selection'
import { picksForPackage } from '#actions/galleries/build_gallery_page'
import { openGalleryOf } from '#services/galleries/gallery_access'

const REFUSALS = {
  empty: 'Tap the heart on the photos you want before submitting your selection.',
  already_submitted: 'This gallery’s selection was already submitted.',
} as const

/** "Submit selection": the family's favourites become the selection, locked, and the studio is told. */
export default class GallerySelectionsController {
  async store(ctx: HttpContext) {
    const { response, session } = ctx
    const { gallery, viewer } = await openGalleryOf(ctx)
    if (!viewer.visitor || !(await picksForPackage(gallery, viewer))) {
      throw new bouncerErrors.E_AUTHORIZATION_FAILURE(AuthorizationResponse.deny('Only the family can submit the selection.', 403))
    }
    const result = await SubmitSelection.handle(gallery, viewer.visitor)
    if (result.ok) {
      session.flash('success', `Thank you! Your selection of ${result.summary.count} ${result.summary.count === 1 ? 'photo' : 'photos'} is sent to the studio.`)
    } else {
      session.flash('error', REFUSALS[result.reason])
    }
    return response.redirect().status(303).toRoute('galleries.show', { slug: gallery.slug })
  }
}
