import type { HttpContext } from '@adonisjs/core/http'
import type EmailLog from '#models/email_log'
import { publicationValidator } from '#validators/gallery'
import PublishGallery from '#actions/galleries/publish_gallery'
import UnpublishGallery from '#actions/galleries/unpublish_gallery'
import { managedGallery } from '#controllers/admin/managed_gallery'

const REFUSALS = {
  already_published: 'This gallery is already published.',
  archived: 'An archived gallery cannot be published again.',
  not_published: 'This gallery is not published.',
} as const

function emailNote(email: EmailLog | null) {
  if (!email) return 'Nobody was emailed: share the link and code yourself.'
  if (email.status === 'failed') return `The email to ${email.to} could not be sent: share the link and code yourself.`
  return `We emailed the link and code to ${email.to}.`
}

/** A gallery's publication as a resource: store publishes, destroy unpublishes. */
export default class GalleryPublicationsController {
  async store(ctx: HttpContext) {
    const gallery = await managedGallery(ctx)
    const { notify } = await ctx.request.validateUsing(publicationValidator)
    const result = await PublishGallery.handle(ctx.actor, gallery, { notify })
    if (result.ok) ctx.session.flash('success', `“${gallery.name}” is live. ${emailNote(result.email)}`)
    else ctx.session.flash('error', REFUSALS[result.reason])
    return ctx.response.redirect().status(303).toRoute('admin.galleries.show', { id: gallery.id })
  }

  async destroy(ctx: HttpContext) {
    const gallery = await managedGallery(ctx)
    const result = await UnpublishGallery.handle(ctx.actor, gallery)
    if (result.ok) ctx.session.flash('success', `“${gallery.name}” is a draft again: families cannot open it.`)
    else ctx.session.flash('error', REFUSALS[result.reason])
    return ctx.response.redirect().status(303).toRoute('admin.galleries.show', { id: gallery.id })
  }
}
