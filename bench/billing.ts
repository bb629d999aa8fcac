/*
| A billing run charging 10,000 due installments through the local Stripe server over HTTP, against a bare stripe-node loop making the same charges.
|
| Production build on PostgreSQL (database loupe_bench_billing, dropped and migrated afresh).
| Seeds --count plans whose first installment is due, starts the local Stripe server in this
| process, then: the bare side (stripe-node creating --count off-session PaymentIntents with
| idempotency keys, --concurrency at once, no database), and the Loupe side (`node ace
| billing:run --concurrency N` in the build: claim, pending payment, charge, record, all of
| it). Counts what Stripe charged per installment (duplicates) and what Loupe left unpaid
| (missed); peak RSS of the billing process. Flags: --count 10000, --concurrency 16, --rebuild true, --profile false (CPU profile of the
| billing:run process, its top frames by self time printed).
*/
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import pg from 'pg'
import Stripe from 'stripe'
import { parseFlags, fixed, ratio } from './support/cli.js'
import { benchEnv } from './support/app.js'
import { ROOT, productionBuild } from './support/build.js'
import { topFrames } from './support/cpu_profile.js'
import { aceInBuild, analyzeDatabase, recreateDatabase } from './support/pg_database.js'
import { seedDuePlans } from './support/billing_seed.js'
import { LocalStripe } from '#services/payments/local_stripe/server'

const cleanEnv = { ...process.env }
const flags = parseFlags(process.argv.slice(2), { count: 10_000, concurrency: 16, rebuild: true, profile: false })
const DATABASE = 'loupe_bench_billing'
const pgTarget = { host: process.env.PG_HOST || '127.0.0.1', port: Number(process.env.PG_PORT || 5432), user: 'postgres' }
const env = benchEnv({ DB_CONNECTION: 'pg', PG_HOST: pgTarget.host, PG_PORT: String(pgTarget.port), PG_USER: pgTarget.user })
env.PG_DB_NAME = DATABASE
env.DB_CONNECTION = 'pg'

console.log(`billing: ${flags.count} due installments, concurrency ${flags.concurrency}, production build, PostgreSQL ${DATABASE}, local Stripe over HTTP`)
const build = productionBuild({ rebuild: flags.rebuild })
await recreateDatabase(pgTarget, DATABASE)
aceInBuild(build, cleanEnv, env, 'migration:run', '--force')
for (const [key, value] of Object.entries(env)) process.env[key] = value

const stripe = await new LocalStripe().start()
try {
  const seeded = await seedDuePlans(flags.count, stripe)
  await analyzeDatabase(pgTarget, DATABASE)
  console.log(`  seeded ${flags.count} plans (${flags.count * 3} installments), first ones due ${seeded.due.toISODate()}`)

  // 1. Bare: the same charges straight from stripe-node, no database.
  const { secretKey, ...api } = stripe.clientConfig
  const client = new Stripe(secretKey, { ...api, maxNetworkRetries: 2 })
  const customer = stripe.addCustomer()
  let next = 0
  const bareStarted = performance.now()
  await Promise.all(
    Array.from({ length: flags.concurrency }, async () => {
      for (let n = next++; n < flags.count; n = next++) {
        await client.paymentIntents.create(
          { amount: 10_000, currency: 'usd', customer, payment_method: 'pm_card_visa', off_session: true, confirm: true, metadata: { bare: String(n) } },
          { idempotencyKey: `bare-${n}` }
        )
      }
    })
  )
  const bareSeconds = (performance.now() - bareStarted) / 1000
  console.log(`  bare stripe-node: ${flags.count} charges in ${fixed(bareSeconds, 1)} s, ${fixed(flags.count / bareSeconds, 0)}/s`)

  // 2. Loupe: billing:run in its own process.
  const runEnv = {
    ...env,
    PAYMENT_GATEWAY: 'stripe',
    STRIPE_SECRET_KEY: stripe.secretKey,
    STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
    STRIPE_API_HOST: '127.0.0.1',
    STRIPE_API_PORT: String(stripe.port),
    STRIPE_API_PROTOCOL: 'http',
  }
  const profileDir = resolve(ROOT, 'tmp/bench-profiles')
  if (flags.profile) {
    rmSync(profileDir, { recursive: true, force: true })
    mkdirSync(profileDir, { recursive: true })
  }
  const nodeArgs = flags.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []
  const started = performance.now()
  const child = spawn(process.execPath, [...nodeArgs, 'ace.js', 'billing:run', `--concurrency=${flags.concurrency}`], { cwd: build, env: { ...cleanEnv, ...runEnv }, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  let peakKb = 0
  const sampler = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
      peakKb = Math.max(peakKb, Number(status.match(/VmHWM:\s+(\d+)/)?.[1] ?? 0))
    } catch {}
  }, 100)
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  clearInterval(sampler)
  const seconds = (performance.now() - started) / 1000
  process.stdout.write(output.split('\n').map((line) => `    ${line}`).join('\n') + '\n')
  if (code !== 0) console.log(`  warning: billing:run exited with ${code}`)
  if (flags.profile) {
    const [file] = readdirSync(profileDir).filter((name) => name.endsWith('.cpuprofile'))
    if (!file) console.log('  no CPU profile was written')
    else {
      const top = topFrames(resolve(profileDir, file), 25)
      console.log(`  CPU profile ${resolve(profileDir, file)}: top frames by self time (${top.samples} samples)`)
      top.frames.forEach((line) => console.log(`    ${line}`))
    }
  }

  const charges = stripe.chargesBy('plan_installment_id')
  const duplicates = [...charges.values()].filter((n) => n > 1).reduce((sum, n) => sum + n - 1, 0)
  const database = new pg.Client({ ...pgTarget, password: process.env.PG_PASSWORD || undefined, database: DATABASE })
  await database.connect()
  const paid = await database.query(`SELECT count(*)::int AS n FROM plan_installments WHERE id = ANY($1) AND status = 'paid'`, [seeded.installmentIds])
  const doublePaid = await database.query(`SELECT count(*)::int AS n FROM (SELECT plan_installment_id FROM payments WHERE status = 'succeeded' GROUP BY plan_installment_id HAVING count(*) > 1) t`)
  await database.end()
  const charged = [...charges.values()].reduce((sum, n) => sum + n, 0)
  const missed = flags.count - paid.rows[0].n
  const rate = flags.count / seconds
  console.log(`  loupe billing:run: ${fixed(seconds, 1)} s, ${fixed(rate, 0)}/s; bare ${fixed(flags.count / bareSeconds, 0)}/s; ratio ${ratio(rate, flags.count / bareSeconds)}; double-recorded payments ${doublePaid.rows[0].n}`)
  console.log(
    `billing: ${flags.count} instalments in ${fixed(seconds, 1)} s, ${fixed(rate, 0)}/s, charged ${charged}, duplicates ${duplicates + doublePaid.rows[0].n}, missed ${missed}, peak rss ${fixed(peakKb / 1024, 0)} MB`
  )
} finally {
  await stripe.stop()
}
