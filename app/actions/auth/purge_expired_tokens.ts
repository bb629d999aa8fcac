import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { sqlTime } from '#support/db/sql_time'

/** Daily (`tokens:purge`): what can no longer be used, or was used more than a day ago. */
export default class PurgeExpiredTokens {
  static async handle() {
    const now = sqlTime()
    const dayAgo = sqlTime(DateTime.now().minus({ days: 1 }))
    const userTokens = await db
      .from('user_tokens')
      .where('expires_at', '<', now)
      .orWhere('consumed_at', '<', dayAgo)
      .delete()
    const oneTimeCodes = await db.from('one_time_codes').where('expires_at', '<', now).delete()
    const rememberMeTokens = await db.from('remember_me_tokens').where('expires_at', '<', now).delete()
    const rateLimits = await db.from('rate_limits').where('expire', '<', Date.now()).delete()
    return {
      'email tokens': Number(userTokens),
      'sign-in links and codes': Number(oneTimeCodes),
      'remember-me tokens': Number(rememberMeTokens),
      'rate-limit rows': Number(rateLimits),
    }
  }
}
