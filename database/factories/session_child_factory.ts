import factory from '@adonisjs/lucid/factories'
import SessionChild from '#models/session_child'
import PhotoSession from '#models/photo_session'
import { PhotoSessionFactory } from '#database/factories/photo_session_factory'
import { ChildFactory } from '#database/factories/child_factory'
import { ensureParent } from '#database/factories/support/parent'

/** A child on a session; by default a new child of the session's family. */
export const SessionChildFactory = factory
  .define(SessionChild, ({ faker }) => ({
    primaryChild: false,
    stylingRequests: faker.helpers.maybe(() => faker.lorem.sentence()) ?? null,
    completedStyling: false,
  }))
  .before('create', async (builder, row, ctx) => {
    row.photoSessionId = (await ensureParent(builder, 'photoSession', row.photoSessionId, () =>
      PhotoSessionFactory.query().useCtx(ctx).create()
    ))!
    row.childId = (await ensureParent(builder, 'child', row.childId, async () => {
      const session = row.photoSessionId
        ? await PhotoSession.findOrFail(row.photoSessionId, { client: ctx.$trx })
        : null
      const children = ChildFactory.query().useCtx(ctx)
      return session ? children.merge({ parentId: session.userId }).create() : children.create()
    }))!
  })
  .state('primary', (row) => (row.primaryChild = true))
  .state('styled', (row) => (row.completedStyling = true))
  .relation('photoSession', () => PhotoSessionFactory)
  .relation('child', () => ChildFactory)
  .build()
