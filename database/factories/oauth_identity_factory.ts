import factory from '@adonisjs/lucid/factories'
import OauthIdentity from '#models/oauth_identity'
import { UserFactory } from '#database/factories/user_factory'
import { ensureParent } from '#database/factories/support/parent'

export const OauthIdentityFactory = factory
  .define(OauthIdentity, ({ faker }) => ({
    provider: 'google' as const,
    providerUserId: faker.string.numeric(21),
    email: faker.internet.email().toLowerCase(),
    lastUsedAt: null,
  }))
  .before('create', async (builder, identity, ctx) => {
    identity.userId = (await ensureParent(builder, 'user', identity.userId, () =>
      UserFactory.query().useCtx(ctx).create()
    ))!
  })
  .state('google', (identity) => (identity.provider = 'google'))
  .state('facebook', (identity) => (identity.provider = 'facebook'))
  .relation('user', () => UserFactory)
  .build()
