import factory from '@adonisjs/lucid/factories'
import UserPreference from '#models/user_preference'
import { UserFactory } from '#database/factories/user_factory'
import { ensureParent } from '#database/factories/support/parent'

export const UserPreferenceFactory = factory
  .define(UserPreference, () => ({
    notifyEmail: true,
    notifySms: false,
    currency: 'USD',
    locale: 'en',
  }))
  .before('create', async (builder, preference, ctx) => {
    preference.userId = (await ensureParent(builder, 'user', preference.userId, () =>
      UserFactory.query().useCtx(ctx).create()
    ))!
  })
  .state('smsOnly', (preference) => {
    preference.notifyEmail = false
    preference.notifySms = true
  })
  .state('silent', (preference) => {
    preference.notifyEmail = false
    preference.notifySms = false
  })
  .relation('user', () => UserFactory)
  .build()
