import { DateTime } from 'luxon'
import { randomUUID } from 'node:crypto'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import User from '#models/user'
import PhotographerProfile from '#models/photographer_profile'
import { DEMO_PASSWORD } from '#database/demo/accounts_seeder'
import { demoHash, setDemoPassword } from '#database/demo/password_hashes'

export const DEMO_PHOTOGRAPHERS = [
  {
    email: 'photographer@loupe.test',
    firstName: 'Piper',
    lastName: 'Lens',
    slug: 'piper-lens',
    bio: 'Studio lead. Turns five-year-olds into headliners with smoke, backlight and a lot of patience.',
    specialties: ['kids rock portraits', 'families', 'lighting'],
    commissionBps: 0,
    acceptingCommissions: true,
  },
  {
    email: 'photographer2@loupe.test',
    firstName: 'Rex',
    lastName: 'Calloway',
    slug: 'rex-calloway',
    bio: 'Former tour photographer. Shoots punk and metal sets, and prints his fine-art work on metal.',
    specialties: ['punk', 'metal', 'fine art'],
    commissionBps: 2000,
    acceptingCommissions: true,
  },
  {
    email: 'photographer3@loupe.test',
    firstName: 'Juno',
    lastName: 'Okafor',
    slug: 'juno-okafor',
    bio: 'Film lover. Alternative portraits on medium format, and the studio’s retoucher.',
    specialties: ['alternative', 'film', 'retouching'],
    commissionBps: 2500,
    acceptingCommissions: false,
  },
] as const

const PARENT_FIRST = ['Alex', 'Jordan', 'Morgan', 'Taylor', 'Riley', 'Sam', 'Jamie', 'Avery', 'Quinn', 'Drew']
// prettier-ignore
const FAMILY_LAST = [
  'Nakamura', 'Okafor', 'Lindqvist', 'Moreau', 'Castillo', 'Haddad', 'Brennan', 'Kowalski', 'Osei', 'Varga',
  'Delacroix', 'Patel', 'Silva', 'Novak', 'Adeyemi', 'Fischer', 'Romano', 'Petrov', 'Quinlan', 'Mbeki',
  'Sorensen', 'Tanaka', 'Walsh', 'Yilmaz', 'Zhou', 'Abernathy', 'Bianchi', 'Cohen', 'Duarte', 'Eriksen',
  'Fontaine', 'Garza', 'Horvath', 'Ibarra', 'Jensen', 'Keller', 'Larsen', 'Mendes', 'Nilsen', 'Ortega',
]
const LIFECYCLE = ['active', 'booked', 'active', 'repeat', 'past', 'prospect', 'booked', 'lead'] as const

export function familyEmail(n: number) {
  return `family${String(n).padStart(2, '0')}@loupe.test`
}

export function familyName(n: number) {
  const cycle = Math.floor((n - 1) / FAMILY_LAST.length)
  const last = FAMILY_LAST[(n - 1) % FAMILY_LAST.length]
  return { firstName: PARENT_FIRST[(n - 1) % PARENT_FIRST.length], lastName: cycle ? `${last}-${cycle + 1}` : last }
}

export async function seedPhotographers(client: QueryClientContract) {
  for (const [index, photographer] of DEMO_PHOTOGRAPHERS.entries()) {
    const user = await User.firstOrCreate(
      { email: photographer.email },
      {
        email: photographer.email,
        firstName: photographer.firstName,
        lastName: photographer.lastName,
        role: 'photographer',
        emailVerifiedAt: DateTime.now(),
      },
      { client }
    )
    await setDemoPassword(client, user.id, DEMO_PASSWORD)
    await PhotographerProfile.firstOrCreate(
      { userId: user.id },
      {
        userId: user.id,
        displayName: `${photographer.firstName} ${photographer.lastName}`,
        slug: photographer.slug,
        bio: photographer.bio,
        specialties: [...photographer.specialties],
        commissionBps: photographer.commissionBps,
        payoutAccount: photographer.commissionBps ? `acct_demo_${index + 1}` : null,
        acceptingCommissions: photographer.acceptingCommissions,
        verified: true,
      },
      { client }
    )
  }
}

/** Inserts the missing family accounts in one statement, with the shared hash of DEMO_PASSWORD. */
export async function seedFamilies(client: QueryClientContract, count: number) {
  const emails = Array.from({ length: count }, (_, i) => familyEmail(i + 1))
  const existing = new Set(
    (await client.from('users').whereIn('email', emails).select('email')).map((row: { email: string }) => row.email)
  )
  const missing = emails.map((email, i) => ({ email, n: i + 1 })).filter(({ email }) => !existing.has(email))
  if (!missing.length) return
  const password = await demoHash(DEMO_PASSWORD)
  const format = (at: DateTime) => at.toFormat(client.dialect.dateTimeFormat)
  const rows = missing.map(({ email, n }) => {
    const joined = DateTime.now().minus({ days: 20 + ((n * 37) % 700) })
    const { firstName, lastName } = familyName(n)
    return {
      id: randomUUID(),
      email,
      password,
      first_name: firstName,
      last_name: lastName,
      phone: `(512) 555-${String(1000 + n).slice(-4)}`,
      role: 'customer',
      email_verified_at: format(joined),
      marketing_consent: n % 3 !== 0,
      lifecycle_stage: LIFECYCLE[n % LIFECYCLE.length],
      created_at: format(joined),
      updated_at: format(joined),
    }
  })
  for (let i = 0; i < rows.length; i += 200) {
    await client
      .insertQuery()
      .table('users')
      .multiInsert(rows.slice(i, i + 200))
  }
}
