import factory from '@adonisjs/lucid/factories'
import BusinessHour from '#models/business_hour'

/** Tuesday 09:00–17:00 with room for two sessions at once. */
export const BusinessHourFactory = factory
  .define(BusinessHour, () => ({
    weekday: 2,
    opensAt: '09:00',
    closesAt: '17:00',
    capacity: 2,
  }))
  .state('morning', (hour) => {
    hour.opensAt = '09:00'
    hour.closesAt = '12:00'
  })
  .state('afternoon', (hour) => {
    hour.opensAt = '13:00'
    hour.closesAt = '18:00'
  })
  .state('weekend', (hour) => {
    hour.weekday = 6
    hour.opensAt = '10:00'
    hour.closesAt = '16:00'
  })
  .build()
