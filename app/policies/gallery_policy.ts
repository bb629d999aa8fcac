import { AuthorizationResponse, BasePolicy, allowGuest } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type User from '#models/user'
import type Gallery from '#models/gallery'
import type GalleryVisitor from '#models/gallery_visitor'
import type { DownloadableVariant } from '#actions/galleries/download_files'

/** A gallery someone may not know about answers as if it did not exist. */
const notFound = () => AuthorizationResponse.deny('We could not find that page.', 404)

/**
 * Who may do what with a gallery. Studio side: admins manage every gallery, a
 * photographer only those of their own photo sessions, front-desk staff look but never
 * manage. Family side (guests allowed): the signed-in family, and visitors holding a pass
 * issued under the gallery's current access version, while the gallery is live. `visitor`
 * is the one the browser's gallery cookie names, or null.
 */
export default class GalleryPolicy extends BasePolicy {
  /** The studio's gallery list (each photographer sees their own). */
  viewList(user: User): AuthorizerResponse {
    return user.hasRole('admin', 'photographer')
  }

  /** A new gallery: admins for any photo session or none, photographers for their own sessions. */
  create(user: User, photoSession: { photographerId: string | null } | null): AuthorizerResponse {
    if (user.hasRole('admin')) return true
    if (user.hasRole('photographer') && photoSession?.photographerId === user.id) return true
    return AuthorizationResponse.deny('Photographers make galleries for their own photo sessions.', 403)
  }

  /** Show, edit, upload, reorder, publish, extend, delete. */
  async manage(user: User, gallery: Gallery): Promise<AuthorizerResponse> {
    if (user.hasRole('admin')) return true
    return user.hasRole('photographer') && (await gallery.photographerId()) === user.id
  }

  /** The read-only preview at /g (drafts too) and the access log. */
  async viewAsStudio(user: User, gallery: Gallery): Promise<AuthorizerResponse> {
    return user.hasRole('staff') || (await this.manage(user, gallery)) === true
  }

  /** The signed-in family whose photo session the gallery belongs to. */
  async actAsFamily(user: User, gallery: Gallery): Promise<AuthorizerResponse> {
    return user.hasRole('customer') && (await gallery.familyId()) === user.id
  }

  /** Who entered and what they did: the studio, and the family. */
  async viewAccessLog(user: User, gallery: Gallery): Promise<AuthorizerResponse> {
    return (await this.viewAsStudio(user, gallery)) === true || (await this.actAsFamily(user, gallery)) === true
  }

  /** Media URLs signed for the studio's pages (drafts, hidden and failed photos). */
  viewStudioMedia(user: User): AuthorizerResponse {
    return user.hasRole('admin', 'photographer', 'staff')
  }

  /** Whether its page exists for this person: drafts and archived galleries are the studio's alone. */
  @allowGuest()
  async reveal(user: User | null, gallery: Gallery): Promise<AuthorizerResponse> {
    if (gallery.isTrashed) return notFound()
    if (gallery.status === 'published' || gallery.status === 'expired') return true
    return (await this.isStudio(user, gallery)) || notFound()
  }

  /** The photos: the studio always; the family and admitted visitors while the gallery is live. */
  @allowGuest()
  async view(user: User | null, gallery: Gallery, visitor: GalleryVisitor | null): Promise<AuthorizerResponse> {
    if (await this.isStudio(user, gallery)) return true
    if (!gallery.isViewable()) return false
    if (await this.isFamily(user, gallery)) return true
    return !!visitor && visitor.holdsPassTo(gallery)
  }

  /** Hearts: anyone inside but the studio, whose preview is read-only. */
  @allowGuest()
  async favorite(user: User | null, gallery: Gallery, visitor: GalleryVisitor | null): Promise<AuthorizerResponse> {
    if (await this.isStudio(user, gallery)) return AuthorizationResponse.deny('The studio preview is read-only.', 403)
    return (await this.view(user, gallery, visitor)) === true || notFound()
  }

  /** Ordering prints of its photos: anyone inside but the studio, whose preview is read-only. */
  @allowGuest()
  async orderPrint(user: User | null, gallery: Gallery, visitor: GalleryVisitor | null): Promise<AuthorizerResponse> {
    if (await this.isStudio(user, gallery)) return AuthorizationResponse.deny('The studio preview is read-only: order prints from the shop.', 403)
    return (await this.view(user, gallery, visitor)) === true || notFound()
  }

  /**
   * Submitting the selection at once: the signed-in family, or any visitor of a gallery
   * without a family. A visitor who gave the family's email may only ask for a link (below).
   */
  @allowGuest()
  async submitSelection(user: User | null, gallery: Gallery, visitor: GalleryVisitor | null): Promise<AuthorizerResponse> {
    if ((await this.view(user, gallery, visitor)) !== true) return notFound()
    if (await this.isFamily(user, gallery)) return true
    if (!(await this.isStudio(user, gallery)) && !!visitor && (await gallery.familyId()) === null) return true
    return AuthorizationResponse.deny('Only the family can submit the selection.', 403)
  }

  /** A visitor who typed the family's email: the link to submit goes to that inbox. */
  @allowGuest()
  async requestSelectionLink(user: User | null, gallery: Gallery, visitor: GalleryVisitor | null): Promise<AuthorizerResponse> {
    if (!visitor || (await this.isStudio(user, gallery)) || (await this.isFamily(user, gallery))) return false
    if ((await this.view(user, gallery, visitor)) !== true) return false
    const familyEmail = await gallery.familyEmail()
    return !!familyEmail && familyEmail.toLowerCase() === visitor.email
  }

  /**
   * Downloads: admins and the gallery's photographer always (the files are the studio's);
   * front-desk staff too, but no originals while downloads are off; the family and visitors
   * while the gallery is live and downloads are on.
   */
  @allowGuest()
  async download(
    user: User | null,
    gallery: Gallery,
    visitor: GalleryVisitor | null,
    variant: DownloadableVariant
  ): Promise<AuthorizerResponse> {
    if (user && (await this.manage(user, gallery)) === true) return true
    if (user?.hasRole('staff')) {
      if (variant === 'original' && !gallery.downloadEnabled) {
        return AuthorizationResponse.deny('Downloads are turned off for this gallery: originals stay with the studio.', 403)
      }
      return true
    }
    if ((await this.view(user, gallery, visitor)) !== true) return notFound()
    return gallery.downloadEnabled || AuthorizationResponse.deny('Downloads are turned off for this gallery.', 403)
  }

  private async isStudio(user: User | null, gallery: Gallery) {
    return !!user && (await this.viewAsStudio(user, gallery)) === true
  }

  private async isFamily(user: User | null, gallery: Gallery) {
    return !!user && (await this.actAsFamily(user, gallery)) === true
  }
}
