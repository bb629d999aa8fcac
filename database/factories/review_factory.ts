import factory from '@adonisjs/lucid/factories'
import { randomUUID } from 'node:crypto'
import Review from '#models/review'
import { UserFactory } from '#database/factories/user_factory'
import { ensureParent } from '#database/factories/support/parent'

/** The author is made when not given; the subject is a random package id unless `reviewableType`/`reviewableId` are set. */
export const ReviewFactory = factory
  .define(Review, ({ faker }) => ({
    reviewableType: 'package' as const,
    reviewableId: randomUUID(),
    rating: faker.number.int({ min: 3, max: 5 }),
    title: faker.lorem.words(4),
    body: faker.lorem.sentences(2),
    status: 'published' as const,
  }))
  .before('create', async (builder, model, ctx) => {
    model.userId = (await ensureParent(builder, 'user', model.userId, () =>
      UserFactory.query().useCtx(ctx).create()
    ))!
  })
  .state('hidden', (review) => (review.status = 'hidden'))
  .relation('user', () => UserFactory)
  .build()
