import { DateTime } from 'luxon'
import type { GalleryStatus } from '#models/gallery'
import type PhotoSession from '#models/photo_session'
import { DemoRandom } from '#database/demo/random'

/** Everything the seeder needs to create one gallery, decided before touching the database. */
export type GallerySpec = {
  slug: string
  name: string
  description: string | null
  session: PhotoSession | null
  status: GalleryStatus
  publishedAt: DateTime | null
  expiresAt: DateTime | null
  expiryRemindedAt: DateTime | null
  publicShareEnabled: boolean
  downloadEnabled: boolean
  selectionLimit: number | null
  password: string | null
  photoCount: number
  rng: DemoRandom
}

const EVENTS = [
  { name: 'Battle of the Bands Showcase', description: 'Our young bands on the big stage.' },
  { name: 'Summer Rock Camp', description: 'A week of riffs, drums and camp-fire anthems.' },
  { name: 'Halloween Punk Party', description: 'Costumes, safety pins and a lot of glitter.' },
  { name: 'Studio Open House', description: 'Mini shoots from the open day.' },
  { name: 'Holiday Glam Rock Minis', description: 'Tinsel, sparkle and platform boots.' },
  { name: 'Little Legends Portfolio', description: 'The studio’s favourite frames of the year.' },
]

export const slugify = (value: string) =>
  value
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/(^-|-$)/g, '')

/**
 * Newest sessions are still being edited (draft); then live galleries (the oldest few
 * expiring within the week), then expired and archived ones. Dates follow the status.
 */
function sessionTimeline(rank: number, total: number, startsAt: DateTime, rng: DemoRandom, now: DateTime) {
  const share = rank / Math.max(total, 1)
  const ready = DateTime.min(startsAt.plus({ days: rng.int(3, 7) }), now.minus({ hours: 2 }))
  if (share < 0.15) return { status: 'draft' as const, publishedAt: null, expiresAt: null, expiryRemindedAt: null }
  if (share < 0.65) {
    const soon = share >= 0.55
    const expiresAt = soon
      ? now.plus({ days: rng.int(2, 6), hours: rng.int(1, 20) })
      : DateTime.max(ready.plus({ days: 60 }), now.plus({ days: rng.int(10, 45) }))
    const reminded = soon && rng.chance(0.5) ? now.minus({ days: 1 }) : null
    return { status: 'published' as const, publishedAt: ready, expiresAt, expiryRemindedAt: reminded }
  }
  const expiresAt = DateTime.max(DateTime.min(ready.plus({ days: 30 }), now.minus({ days: rng.int(1, 20) })), ready.plus({ days: 1 }))
  const status = share < 0.85 ? ('expired' as const) : ('archived' as const)
  return { status, publishedAt: ready, expiresAt, expiryRemindedAt: expiresAt.minus({ days: 7 }) }
}

/** The demo customer's gallery is always live, so the portal shows the whole journey. */
const DEMO_CUSTOMER_EMAIL = 'customer@loupe.test'

function demoCustomerTimeline(now: DateTime) {
  return { status: 'published' as const, publishedAt: now.minus({ days: 2 }), expiresAt: now.plus({ days: 30 }), expiryRemindedAt: null }
}

function childNames(session: PhotoSession) {
  const names = (session.children ?? []).map((c) => c.firstName)
  if (!names.length) return `The ${session.user.lastName ?? session.user.firstName} family`
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} & ${names.at(-1)}`
}

/** One gallery per completed session (newest first), then event and portfolio galleries. */
export function planGalleries(sessions: PhotoSession[], eventCount: number, now = DateTime.now()): GallerySpec[] {
  const linked = sessions.map((session, rank): GallerySpec => {
    const rng = new DemoRandom(`gallery-${session.sessionNumber}`)
    const timeline =
      session.user.email === DEMO_CUSTOMER_EMAIL
        ? demoCustomerTimeline(now)
        : sessionTimeline(rank, sessions.length, session.startsAt, rng, now)
    const who = childNames(session)
    return {
      slug: slugify(`${session.user.lastName ?? 'family'} ${session.package.slug} ${session.sessionNumber}`),
      name: `${who} · ${session.package.name}, ${session.startsAt.toFormat('d LLL')}`,
      description: `${session.package.name} session on ${session.startsAt.toFormat('d LLLL yyyy')}.`,
      session,
      ...timeline,
      publicShareEnabled: false,
      downloadEnabled: !rng.chance(0.15),
      selectionLimit: session.package.includedPhotos,
      password: rank === 3 ? 'encore-2026' : null,
      photoCount: rng.int(8, 20),
      rng,
    }
  })
  const events = Array.from({ length: eventCount }, (_, index): GallerySpec => {
    const event = EVENTS[index % EVENTS.length]
    const round = Math.floor(index / EVENTS.length)
    const name = round ? `${event.name} ${round + 1}` : event.name
    const rng = new DemoRandom(`event-gallery-${index}`)
    const portfolio = index % EVENTS.length === EVENTS.length - 1
    const draft = index % EVENTS.length === 3
    return {
      slug: slugify(name),
      name,
      description: event.description,
      session: null,
      status: draft ? 'draft' : 'published',
      publishedAt: draft ? null : now.minus({ days: 5 + index * 9 }),
      expiresAt: draft || portfolio ? null : now.plus({ days: 20 + index * 5 }),
      expiryRemindedAt: null,
      publicShareEnabled: !draft,
      downloadEnabled: !portfolio,
      selectionLimit: null,
      password: null,
      photoCount: rng.int(8, 20),
      rng,
    }
  })
  return [...linked, ...events]
}
