/*
| Route throttles. Keyed on request.ip(): behind a reverse proxy set TRUSTED_PROXIES, or
| every client shares the proxy's address.
*/
import limiter from '@adonisjs/limiter/services/main'

/**
 * Pages that make Loupe send an email (forgot password, sign up, sign-in link): 10 an
 * hour from one address, then 429 with when to retry. Each email address also gets at
 * most a few of them an hour, whoever asks (app/services/auth/mail_throttle.ts).
 */
export const authMailThrottle = limiter.define('auth_mail', () => limiter.allowRequests(10).every('1 hour'))

/** The public contact form: 5 messages an hour from one address, then 429 with when to retry. */
export const contactFormThrottle = limiter.define('contact_form', () => limiter.allowRequests(5).every('1 hour'))
