/*
| `npm start`: the one command a newcomer runs. Creates .env when missing, checks that
| the database opens (one clear line and exit 1 when it doesn't), migrates it, seeds the
| demo studio into an empty one (never in production: it says how to create the first
| admin instead), serves the app and prints the URL and, outside production, the demo logins.
*/
import { spawn, spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readFileSync } from 'node:fs'
import { ensureEnv } from './ensure_env.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
if (ensureEnv(root)) console.log('Created .env from .env.example with a new APP_KEY')

const dotenv = Object.fromEntries(
  readFileSync(join(root, '.env'), 'utf8')
    .split('\n')
    .filter((line) => /^[A-Z_0-9]+=/.test(line))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])
)
const setting = (name, fallback) => process.env[name] || dotenv[name] || fallback

function ace(...args) {
  const result = spawnSync(process.execPath, ['ace', ...args], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

const host = setting('HOST', 'localhost')
const port = setting('PORT', '3333')
const production = setting('NODE_ENV', 'development') === 'production'

ace('db:check')
ace('migration:run', '--force')
// In production this seeds nothing and, while there is no admin, says how to create one.
ace('demo:seed')
const url = setting('APP_URL', '') || `http://${host}:${port}`

// glibc reads its allocator settings once, when a process starts, so they are passed to
// the server here (it works the image jobs too): fewer malloc arenas across libvips
// threads, and big pixel buffers handed back to the system when freed. Without them a
// worker making derivatives of 24 MP photos peaks near 500 MB instead of ~240 MB.
// The same values as ALLOCATOR_ENV in app/services/images/allocator.ts (plain JS here).
const allocator = {
  MALLOC_ARENA_MAX: setting('MALLOC_ARENA_MAX', '2'),
  MALLOC_MMAP_THRESHOLD_: setting('MALLOC_MMAP_THRESHOLD_', '131072'),
}
// The demo card: outside production, without a Stripe key (and unless DEMO_CARD=false),
// card payments go through the real Stripe code to a local server speaking Stripe's API.
let demoCard = null
let payments = {}
if (!production && !setting('STRIPE_SECRET_KEY', '') && setting('DEMO_CARD', 'true') !== 'false') {
  const stripePort = String(Number(port) + 1)
  demoCard = spawn(process.execPath, ['--import=ts-node-maintained/register/esm', 'bin/local_stripe.ts', stripePort, `http://${host}:${port}/webhooks/stripe`], {
    cwd: root,
    stdio: 'inherit',
  })
  payments = {
    PAYMENT_GATEWAY: 'stripe',
    STRIPE_SECRET_KEY: 'sk_test_demo_card',
    STRIPE_WEBHOOK_SECRET: 'whsec_demo_card',
    STRIPE_API_HOST: '127.0.0.1',
    STRIPE_API_PORT: stripePort,
    STRIPE_API_PROTOCOL: 'http',
  }
}
const server = spawn(process.execPath, ['--import=ts-node-maintained/register/esm', 'bin/server.ts'], {
  cwd: root,
  env: { ...process.env, ...allocator, ...payments },
  stdio: 'inherit',
})

async function announce() {
  if (!(await healthy())) {
    console.error(`\n  Loupe did not answer at http://${host}:${port}/health within a minute: stopping it.`)
    server.kill('SIGTERM')
    process.exitCode = 1
    return
  }
  console.log(`\n  Loupe is running at ${url}\n`)
  if (!production) {
    console.log('  Demo logins (password: loupe-demo-2026)')
    for (const [role, email] of [
      ['admin', 'admin@loupe.test'],
      ['staff', 'staff@loupe.test'],
      ['photographer', 'photographer@loupe.test'],
      ['customer', 'customer@loupe.test'],
    ]) {
      console.log(`    ${role.padEnd(13)} ${email}`)
    }
    console.log('')
  }
}

async function healthy() {
  for (let attempt = 0; attempt < 120 && server.exitCode === null; attempt++) {
    try {
      const response = await fetch(`http://${host}:${port}/health`)
      if (response.ok) return true
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  return false
}
announce()

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    demoCard?.kill('SIGTERM')
    server.kill('SIGTERM')
  })
}
server.on('exit', (code) => {
  demoCard?.kill('SIGTERM')
  process.exit(process.exitCode || (code ?? 0))
})
