import { Exception } from '@adonisjs/core/exceptions'

/** A link whose signature is wrong or whose time is up: 403, with a way to a fresh one. */
export class SignedUrlException extends Exception {
  static status = 403
  static code = 'E_INVALID_SIGNED_URL'

  constructor(public backUrl: string | null = null) {
    super('This link has expired or is not valid. Go back to the gallery for a fresh one.')
  }
}
