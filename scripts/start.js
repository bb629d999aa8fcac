/*
| `npm start`: the one command a newcomer runs. Creates .env when missing, migrates
| the database, seeds the demo studio into an empty one, serves the app and prints
| the URL and (outside production) the demo logins.
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

ace('migration:run', '--force')
ace('demo:seed')

const host = setting('HOST', 'localhost')
const port = setting('PORT', '3333')
const production = setting('NODE_ENV', 'development') === 'production'
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
const server = spawn(process.execPath, ['--import=ts-node-maintained/register/esm', 'bin/server.ts'], {
  cwd: root,
  env: { ...process.env, ...allocator },
  stdio: 'inherit',
})

async function announce() {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      const response = await fetch(`http://${host}:${port}/health`)
      if (response.ok) break
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 500))
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
announce()

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill('SIGTERM'))
}
server.on('exit', (code) => process.exit(code ?? 0))
