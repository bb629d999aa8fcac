import factory from '@adonisjs/lucid/factories'
import { DateTime } from 'luxon'
import User from '#models/user'
import { plainFirstName, plainLastName } from '#database/factories/support/plain_names'

export const FACTORY_PASSWORD = 'secret-password-1'

export const UserFactory = factory
  .define(User, ({ faker }) => ({
    email: faker.internet.email().toLowerCase().replace('@', `.${faker.string.alphanumeric(6)}@`),
    password: FACTORY_PASSWORD,
    firstName: plainFirstName(faker),
    lastName: plainLastName(faker),
    phone: null,
    role: 'customer' as const,
    emailVerifiedAt: DateTime.now(),
    marketingConsent: false,
  }))
  .state('customer', (user) => (user.role = 'customer'))
  .state('staff', (user) => (user.role = 'staff'))
  .state('photographer', (user) => (user.role = 'photographer'))
  .state('admin', (user) => (user.role = 'admin'))
  .state('unverified', (user) => (user.emailVerifiedAt = null))
  .state('deactivated', (user) => (user.deactivatedAt = DateTime.now()))
  .build()
