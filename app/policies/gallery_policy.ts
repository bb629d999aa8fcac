import { BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type User from '#models/user'
import type Gallery from '#models/gallery'
import { familyIdOf } from '#services/galleries/gallery_viewer'

/**
 * Studio-side rules for galleries. What a visitor (code holder) may do is decided by
 * the gallery viewer (app/services/galleries/gallery_viewer.ts), which every public
 * gallery route resolves first.
 */
export default class GalleryPolicy extends BasePolicy {
  /** Create, upload, edit, publish, extend: admins and photographers. */
  manage(user: User): AuthorizerResponse {
    return user.hasRole('admin', 'photographer')
  }

  /** The studio sees every gallery; staff only to answer families' questions. */
  viewAsStudio(user: User): AuthorizerResponse {
    return user.hasRole('admin', 'photographer', 'staff')
  }

  /** Who entered and what they did: the studio, and the family that owns the gallery. */
  async viewAccessLog(user: User, gallery: Gallery): Promise<AuthorizerResponse> {
    if (user.hasRole('admin', 'photographer', 'staff')) return true
    return (await familyIdOf(gallery)) === user.id
  }
}
