import factory from '@adonisjs/lucid/factories'
import ShippingAddress from '#models/shipping_address'
import { UserFactory } from '#database/factories/user_factory'
import { plainFullName } from '#database/factories/support/plain_names'

export const ShippingAddressFactory = factory
  .define(ShippingAddress, ({ faker }) => ({
    name: plainFullName(faker),
    line1: faker.location.streetAddress(),
    line2: null,
    city: faker.location.city(),
    region: faker.location.state({ abbreviated: true }),
    postalCode: faker.location.zipCode('#####'),
    country: 'US',
    phone: null,
    isDefault: false,
  }))
  .state('default', (address) => (address.isDefault = true))
  .relation('user', () => UserFactory)
  .build()
