import { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import User from '#models/user'
import Child, { PREFERRED_STYLES } from '#models/child'
import { withTrashed } from '#models/concerns/soft_deletes'
import { DemoRandom } from '#database/demo/random'
import { familyEmail } from '#database/demo/studio/people'

// prettier-ignore
const FIRST_NAMES = [
  'Mia', 'Leo', 'Zoe', 'Kai', 'Ivy', 'Max', 'Luna', 'Finn', 'Ruby', 'Axel', 'Nova', 'Jett', 'Cleo', 'Rex',
  'Piper', 'Ozzy', 'Stella', 'Ace', 'Willow', 'Jagger', 'Hazel', 'Ziggy', 'Lola', 'Bowie', 'Iris', 'Slash',
]
const MUSIC: Record<(typeof PREFERRED_STYLES)[number], string[]> = {
  rock: ['AC/DC, Queen', 'The Rolling Stones', 'Led Zeppelin and Foo Fighters', 'Joan Jett'],
  punk: ['Ramones', 'The Clash, Green Day', 'Blondie', 'Sex Pistols (clean versions!)'],
  metal: ['Metallica', 'Iron Maiden', 'Black Sabbath, Babymetal', 'Slipknot masks only'],
  alternative: ['Paramore', 'Nirvana', 'The Cure, Siouxsie', 'Arctic Monkeys'],
}
const STYLE_NOTES = [
  'Loves the leather jacket',
  'Wants glitter face paint',
  'Prefers no hair spray',
  'Bring the toy guitar',
]
const REQUIREMENTS = [
  'Sensitive to loud noises: keep the fog machine off',
  'Nut allergy',
  'Uses a wheelchair',
  'Shy with strangers at first',
]

/** One to three children per family, named and styled the same on every run. */
export async function seedChildren(client: QueryClientContract, familyCount: number) {
  let created = 0
  const families = [{ email: 'customer@loupe.test', seed: 'casey' }]
  for (let n = 1; n <= familyCount; n++) families.push({ email: familyEmail(n), seed: `family-${n}` })

  for (const family of families) {
    const parent = await User.query({ client }).where('email', family.email).first()
    if (!parent) continue
    const random = new DemoRandom(family.seed)
    const count = family.seed === 'casey' ? 2 : random.pick([1, 1, 2, 2, 2, 3])
    const names = new Set<string>()
    while (names.size < count) names.add(random.pick(FIRST_NAMES))
    for (const firstName of names) {
      const style = random.pick(PREFERRED_STYLES)
      const child = {
        parentId: parent.id,
        firstName,
        lastName: parent.lastName ?? 'Rivera',
        birthDate: DateTime.now()
          .startOf('day')
          .minus({ years: random.int(3, 15), days: random.int(0, 364) }),
        preferredStyle: style,
        musicPreferences: random.pick(MUSIC[style]),
        styleNotes: random.chance(0.5) ? random.pick(STYLE_NOTES) : null,
        specialRequirements: random.chance(0.15) ? random.pick(REQUIREMENTS) : null,
      }
      const exists = await withTrashed(Child.query({ client }))
        .where('parent_id', parent.id)
        .where('first_name', firstName)
        .first()
      if (exists) continue
      await Child.create(child, { client })
      created++
    }
  }
  return created
}
