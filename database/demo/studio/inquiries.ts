import { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import User from '#models/user'
import Inquiry, { INQUIRY_SOURCES, type InquiryStatus } from '#models/inquiry'
import { DemoRandom } from '#database/demo/random'
import { familyEmail, familyName } from '#database/demo/studio/people'

const PROSPECTS = [
  'Harper Lane',
  'Elliot Byrne',
  'Skye Mercer',
  'Noor Aziz',
  'Theo Vance',
  'Maya Lindgren',
  'Cass Dorsey',
  'Ravi Menon',
]
const MESSAGES = [
  'My daughter turns 7 next month and is obsessed with Joan Jett. Do you have a package for two kids?',
  'Saw your punk portraits on Instagram. How long does a session take, and can grandparents watch?',
  'Do you offer gift certificates for a rock-star session?',
  'Our son is autistic and sensitive to noise. Can you do a quiet session?',
  'Could we book a Saturday in the next few weeks? Three kids, ages 4, 8 and 11.',
  'Do you print on metal? I would love a large print for the living room.',
  'Is there parking near the studio, and can we bring our own outfits?',
  'We had a session last year and loved it. Any discount for returning families?',
]
const STATUSES: InquiryStatus[] = ['new', 'contacted', 'converted', 'closed']

/** Inquiries in every status over the last 60 days; converted ones belong to demo families. */
export async function seedInquiries(client: QueryClientContract, count: number) {
  const random = new DemoRandom('inquiries')
  for (let i = 1; i <= count; i++) {
    const status = STATUSES[i % STATUSES.length]
    // New inquiries are recent, so their follow-up emails are still pending.
    const createdAt = DateTime.now().minus({
      days: status === 'new' ? random.int(0, 2) : random.int(3, 59),
      hours: random.int(0, 23),
    })
    const family = status === 'converted' ? await User.query({ client }).where('email', familyEmail(i)).first() : null
    const { firstName, lastName } = familyName(i)
    const name = family ? `${firstName} ${lastName}` : `${random.pick(PROSPECTS)}`
    const email = family?.email ?? `prospect${String(i).padStart(2, '0')}@loupe.test`
    const attributes = {
      name,
      email,
      phone: random.chance(0.6) ? `(512) 555-${String(2000 + i).slice(-4)}` : null,
      message: random.pick(MESSAGES),
      source: random.pick(INQUIRY_SOURCES),
      status: family || status !== 'converted' ? status : ('contacted' as const),
      userId: family?.id ?? null,
      createdAt,
      contactedAt: status === 'new' ? null : createdAt.plus({ hours: random.int(1, 30) }),
      convertedAt: family ? createdAt.plus({ days: random.int(2, 6) }) : null,
      closedAt: status === 'closed' ? createdAt.plus({ days: random.int(3, 10) }) : null,
    }
    if (await Inquiry.query({ client }).where('email', email).first()) continue
    await Inquiry.create(attributes, { client })
  }
}
