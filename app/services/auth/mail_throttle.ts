import limiter from '@adonisjs/limiter/services/main'
import { addressKey } from '#services/auth/address_key'

/*
| Emails a visitor can make Loupe send to an address (reset links, sign-up mails, sign-in
| links): a few per address an hour, so nobody can flood someone's inbox. Past the limit
| the page answers exactly as before and nothing is sent: the links already sent still work.
| The per-IP limit is the `authMail` route throttle (start/limiter.ts).
*/
const perAddress = {
  password_reset: () => limiter.use({ requests: 3, duration: '1 hour' }),
  signup: () => limiter.use({ requests: 3, duration: '1 hour' }),
  sign_in_link: () => limiter.use({ requests: 4, duration: '1 hour' }),
}

export type MailKind = keyof typeof perAddress

/** Counts one more email of this kind to `address`; false once over the limit. */
export async function mayEmail(kind: MailKind, address: string) {
  const store = perAddress[kind]()
  const { consumed } = await store.increment(`mail:${kind}:${addressKey(address)}`)
  return consumed <= store.requests
}
