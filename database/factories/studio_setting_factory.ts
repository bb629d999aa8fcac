import factory from '@adonisjs/lucid/factories'
import StudioSetting from '#models/studio_setting'

/** The one settings row; a second `create()` in the same database fails by design. */
export const StudioSettingFactory = factory
  .define(StudioSetting, ({ faker }) => ({
    singleton: true,
    name: `${faker.company.name()} Studio`,
    email: 'hello@loupe.test',
    phone: faker.phone.number({ style: 'national' }),
    address: [
      faker.location.streetAddress(),
      `${faker.location.city()}, ${faker.location.state({ abbreviated: true })} ${faker.location.zipCode()}`,
    ].join('\n'),
    timezone: 'America/New_York',
    currency: 'USD',
    taxRateBps: 825,
    depositPercent: 25,
    cancellationWindowHours: 48,
    freeTransformations: 5,
    watermarkText: 'PROOF',
    galleryDefaultDays: 30,
    galleryReminderDays: 7,
  }))
  .state('taxFree', (settings) => (settings.taxRateBps = 0))
  .state('noDeposit', (settings) => (settings.depositPercent = 0))
  .build()
