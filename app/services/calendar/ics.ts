import { DateTime } from 'luxon'

/**
 * An iCalendar (RFC 5545) invitation for one photo session, as an .ics attachment and the
 * "add to calendar" download. The UID stays the same for the session's whole life, and
 * SEQUENCE grows with each change, so calendars update or cancel the event they have.
 */
export interface CalendarEvent {
  uid: string
  sequence: number
  startsAt: DateTime
  endsAt: DateTime
  summary: string
  description: string
  location: string | null
  url: string | null
  organizer: { name: string; email: string | null }
  attendee: { name: string; email: string | null } | null
  cancelled?: boolean
}

export function icsInvitation(event: CalendarEvent, now: DateTime = DateTime.now()) {
  const method = event.cancelled ? 'CANCEL' : 'REQUEST'
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Loupe//Photo sessions//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utc(now)}`,
    `DTSTART:${utc(event.startsAt)}`,
    `DTEND:${utc(event.endsAt)}`,
    `SUMMARY:${text(event.summary)}`,
    `DESCRIPTION:${text(event.description)}`,
    event.location ? `LOCATION:${text(event.location)}` : null,
    event.url ? `URL:${event.url}` : null,
    event.organizer.email ? `ORGANIZER;CN=${param(event.organizer.name)}:mailto:${event.organizer.email}` : null,
    event.attendee?.email
      ? `ATTENDEE;CN=${param(event.attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:${event.attendee.email}`
      : null,
    `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'TRIGGER:-PT2H',
    `DESCRIPTION:${text(event.summary)}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ]
  return lines
    .filter((line): line is string => line !== null)
    .map(fold)
    .join('\r\n')
    .concat('\r\n')
}

/** A Google Calendar "add event" link with the same details. */
export function googleCalendarUrl(event: CalendarEvent) {
  const params = new URLSearchParams({
    action: 'TEMPLATE',
    text: event.summary,
    dates: `${utc(event.startsAt)}/${utc(event.endsAt)}`,
    details: event.description,
    location: event.location ?? '',
  })
  return `https://calendar.google.com/calendar/render?${params}`
}

function utc(value: DateTime) {
  return value.toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'")
}

/** TEXT values escape backslashes, semicolons, commas and newlines. */
function text(value: string) {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')
}

function param(value: string) {
  return `"${value.replace(/"/g, "'")}"`
}

/** Lines longer than 75 octets continue on the next line after a space. */
function fold(line: string) {
  const bytes = Buffer.from(line, 'utf8')
  if (bytes.length <= 75) return line
  const parts: string[] = []
  let start = 0
  while (start < bytes.length) {
    let end = Math.min(start + (parts.length ? 74 : 75), bytes.length)
    // Never split a UTF-8 character.
    while (end < bytes.length && (bytes[end] & 0xc0) === 0x80) end--
    parts.push(bytes.subarray(start, end).toString('utf8'))
    start = end
  }
  return parts.join('\r\n ')
}
