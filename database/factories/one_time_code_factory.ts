import { createHash } from 'node:crypto'
import factory from '@adonisjs/lucid/factories'
import { DateTime } from 'luxon'
import OneTimeCode, { OTP_MAX_ATTEMPTS } from '#models/one_time_code'
import { UserFactory } from '#database/factories/user_factory'

/** Every factory code is "123456" (hashed); valid for five minutes unless a state says otherwise. */
export const FACTORY_OTP = '123456'

export const OneTimeCodeFactory = factory
  .define(OneTimeCode, ({ faker }) => ({
    channel: 'sms' as const,
    destination: faker.phone.number({ style: 'international' }),
    codeHash: createHash('sha256').update(FACTORY_OTP).digest('hex'),
    purpose: 'login' as const,
    attempts: 0,
    expiresAt: DateTime.now().plus({ minutes: 5 }),
    consumedAt: null,
  }))
  .state('email', (code) => {
    code.channel = 'email'
    code.destination = `otp.${Date.now()}@loupe.test`
  })
  .state('verify', (code) => (code.purpose = 'verify'))
  .state('expired', (code) => (code.expiresAt = DateTime.now().minus({ minutes: 1 })))
  .state('consumed', (code) => (code.consumedAt = DateTime.now().minus({ minutes: 1 })))
  .state('locked', (code) => (code.attempts = OTP_MAX_ATTEMPTS))
  .relation('user', () => UserFactory)
  .build()
