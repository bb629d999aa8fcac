import type { Refusal } from '#booking/availability'

const MESSAGES: Record<Refusal | 'invalid', string> = {
  past: 'That time has passed: choose a later one',
  too_soon: 'That is too soon: the studio needs more notice',
  too_far: 'Bookings are not open that far ahead yet',
  closed: 'The studio is closed then',
  blackout: 'The studio is closed that day',
  off_grid: 'Choose one of the listed times',
  day_full: 'That day is fully booked',
  full: 'That time was just taken: choose another one',
  photographer_off: 'That photographer does not work then: choose "any" or another time',
  photographer_busy: 'That photographer is busy then: choose "any" or another time',
  invalid: 'Choose one of the listed times',
}

/** What the family (or the studio) is told when a time cannot be booked. */
export function refusalMessage(reason: Refusal | 'invalid') {
  return MESSAGES[reason]
}
