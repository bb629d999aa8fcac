import factory from '@adonisjs/lucid/factories'
import PhotographerProfile from '#models/photographer_profile'
import { UserFactory } from '#database/factories/user_factory'
import { MediaAssetFactory } from '#database/factories/media_asset_factory'
import { ensureParent } from '#database/factories/support/parent'
import { plainFullName } from '#database/factories/support/plain_names'

export const PhotographerProfileFactory = factory
  .define(PhotographerProfile, ({ faker }) => {
    const displayName = plainFullName(faker)
    return {
      displayName,
      slug: `${faker.helpers.slugify(displayName).toLowerCase()}-${faker.string.alphanumeric(5).toLowerCase()}`,
      bio: faker.lorem.paragraph(),
      specialties: faker.helpers.arrayElements(['kids', 'families', 'rock portraits', 'fine art', 'events', 'film'], 2),
      commissionBps: 2000,
      payoutAccount: null,
      acceptingCommissions: false,
      verified: false,
    }
  })
  .before('create', async (builder, profile, ctx) => {
    profile.userId = (await ensureParent(builder, 'user', profile.userId, () =>
      UserFactory.query().useCtx(ctx).apply('photographer').create()
    ))!
  })
  .state('verified', (profile) => (profile.verified = true))
  .state('acceptingCommissions', (profile) => {
    profile.acceptingCommissions = true
    profile.payoutAccount = `acct_${Date.now().toString(36)}`
  })
  .relation('user', () => UserFactory)
  .relation('avatar', () => MediaAssetFactory)
  .build()
