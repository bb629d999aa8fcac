/*
| The kiosk bench's day: `sessions` photo sessions today (09:00–18:00, studio time), each
| with one or two children of 50 families, a staff member with PIN 2468, and a tablet
| waiting for its pairing code. Inserted in batches: the bench measures the desk, not this.
*/
import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import { bootApp } from './app.js'

const ZONE = 'America/New_York'
export const BENCH_PIN = '2468'

export async function seedKioskDay(sessionCount: number) {
  const app = await bootApp()
  try {
    const { default: db } = await import('@adonisjs/lucid/services/db')
    const { default: hash } = await import('@adonisjs/core/services/hash')
    const { default: StudioSetting } = await import('#models/studio_setting')
    const { PackageFactory } = await import('#database/factories/package_factory')
    const { UserFactory } = await import('#database/factories/user_factory')
    const { default: PairKioskDevice } = await import('#actions/kiosk/pair_kiosk_device')
    const { actors } = await import('#support/actor')
    const settings = await StudioSetting.current()
    settings.merge({ timezone: ZONE })
    await settings.save()
    const stamp = { created_at: DateTime.now().toUTC().toISO(), updated_at: DateTime.now().toUTC().toISO() }

    const admin = await UserFactory.apply('admin').create()
    const staff = await UserFactory.apply('staff').merge({ firstName: 'Bench', kioskPinHash: await hash.make(BENCH_PIN) }).create()
    const photographers = await UserFactory.apply('photographer').createMany(3)
    const pkg = await PackageFactory.merge({ slug: 'bench-kiosk', name: 'Rockstar Mini', durationMinutes: 60, active: true }).create()
    const families = await UserFactory.createMany(50)
    const children = families.flatMap((family, i) =>
      [0, 1].map((k) => ({ id: randomUUID(), parent_id: family.id, first_name: `Kid${i}${k}`, last_name: family.lastName ?? 'Bench', ...stamp }))
    )
    await db.table('children').multiInsert(children)

    const day = DateTime.now().setZone(ZONE).startOf('day')
    const sessions = []
    const links = []
    for (let n = 0; n < sessionCount; n++) {
      const family = n % families.length
      const startsAt = day.set({ hour: 9 + Math.floor((n * 9) / sessionCount), minute: (n % 4) * 15 })
      const id = randomUUID()
      sessions.push({
        id,
        session_number: `S-KIOSK-${String(n).padStart(6, '0')}`,
        user_id: families[family].id,
        package_id: pkg.id,
        photographer_id: photographers[n % 3].id,
        starts_at: startsAt.toUTC().toISO(),
        estimated_duration: 60,
        status: 'confirmed',
        total_amount: pkg.basePrice,
        deposit_amount: Math.round(pkg.basePrice / 4),
        balance_due: pkg.basePrice - Math.round(pkg.basePrice / 4),
        currency: 'USD',
        special_requests: n % 7 === 0 ? 'Sensory friendly: no flash' : null,
        check_in_token: randomUUID().replace(/-/g, ''),
        ...stamp,
      })
      for (let k = 0; k < 1 + (n % 2); k++) {
        links.push({ id: randomUUID(), photo_session_id: id, child_id: children[family * 2 + k].id, primary_child: k === 0, completed_styling: false, ...stamp })
      }
    }
    for (let i = 0; i < sessions.length; i += 500) await db.table('photo_sessions').multiInsert(sessions.slice(i, i + 500))
    for (let i = 0; i < links.length; i += 500) await db.table('session_children').multiInsert(links.slice(i, i + 500))
    const { code } = await PairKioskDevice.handle(actors.user(admin), 'Bench desk')
    return { code, staffId: staff.id, sessionIds: sessions.map((row) => row.id) }
  } finally {
    await app.terminate()
  }
}

/** Pairs the tablet and signs the staff member in over HTTP, as a tablet does; returns the cookies and CSRF token. */
export async function tabletSession(baseUrl: string, code: string, staffId: string) {
  const jar = new Map<string, string>()
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const name = pair.slice(0, pair.indexOf('='))
      jar.set(name, pair.slice(name.length + 1))
    }
  }
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
  const csrfOf = (html: string) => html.match(/name="csrf-token" content="([^"]+)"/)?.[1] ?? ''
  const post = async (path: string, form: Record<string, string>, csrf: string) => {
    const response = await fetch(baseUrl + path, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'cookie': cookie() },
      body: new URLSearchParams({ _csrf: csrf, ...form }),
    })
    keep(response)
    return response
  }
  const get = async (path: string) => {
    const response = await fetch(baseUrl + path, { redirect: 'manual', headers: { cookie: cookie() } })
    keep(response)
    return { response, html: await response.text() }
  }

  const pairing = await get('/kiosk/pairing')
  const paired = await post('/kiosk/pairing', { code }, csrfOf(pairing.html))
  if (paired.status !== 303) throw new Error(`pairing → ${paired.status}`)
  const signIn = await get('/kiosk/staff-session')
  const signedIn = await post('/kiosk/staff-session', { userId: staffId, pin: BENCH_PIN }, csrfOf(signIn.html))
  if (signedIn.status !== 303) throw new Error(`PIN sign-in → ${signedIn.status}`)
  const board = await get('/kiosk')
  if (board.response.status !== 200) throw new Error(`GET /kiosk → ${board.response.status}`)
  return { cookie: cookie(), csrf: csrfOf(board.html) }
}
