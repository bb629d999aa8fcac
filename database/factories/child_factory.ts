import factory from '@adonisjs/lucid/factories'
import { DateTime } from 'luxon'
import Child, { PREFERRED_STYLES } from '#models/child'
import { UserFactory } from '#database/factories/user_factory'
import { ensureParent } from '#database/factories/support/parent'
import { plainFirstName, plainLastName } from '#database/factories/support/plain_names'

/** A child aged 3–15 in a family made on the fly unless `parentId` or `.with('parent')` is given. */
export const ChildFactory = factory
  .define(Child, ({ faker }) => ({
    firstName: plainFirstName(faker),
    lastName: plainLastName(faker),
    birthDate: DateTime.now()
      .startOf('day')
      .minus({ years: faker.number.int({ min: 3, max: 15 }), days: faker.number.int({ min: 0, max: 360 }) }),
    preferredStyle: faker.helpers.arrayElement(PREFERRED_STYLES),
    musicPreferences: faker.helpers.arrayElement(['AC/DC', 'Ramones', 'Metallica', 'Paramore', 'The Clash']),
    styleNotes: null,
    specialRequirements: null,
  }))
  .before('create', async (builder, child, ctx) => {
    child.parentId = (await ensureParent(builder, 'parent', child.parentId, () =>
      UserFactory.query().useCtx(ctx).apply('customer').create()
    ))!
  })
  .state('trashed', (child) => (child.deletedAt = DateTime.now()))
  .state('noBirthDate', (child) => (child.birthDate = null))
  .relation('parent', () => UserFactory)
  .build()
