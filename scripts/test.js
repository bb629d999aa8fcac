/*
| `npm test`: the whole suite (unit, functional, browser) on the database named by
| DB_CONNECTION (sqlite by default). Extra arguments go to `node ace test`
| (e.g. `npm test -- functional --files=tests/functional/auth/login.spec.ts`).
|
| Without Chromium the browser suite is skipped, loudly; REQUIRE_BROWSER=1 turns
| that into a failure. Prints one line per suite and a closing "N passed, N failed".
*/
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const SUITES = ['unit', 'functional', 'browser']

const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path) => path && existsSync(path)
)

const named = args.filter((arg) => SUITES.includes(arg))
const passthrough = args.filter((arg) => !SUITES.includes(arg))
let suites = named.length ? named : SUITES

if (!chromium && suites.includes('browser')) {
  const banner = '!'.repeat(78)
  console.error(`\n${banner}\n  BROWSER TESTS SKIPPED: no Chromium found (looked at CHROMIUM_PATH, /usr/bin/chromium).`)
  console.error('  Enable them with `apt-get install -y chromium` or CHROMIUM_PATH=/path/to/chromium.')
  console.error(`${banner}\n`)
  if (process.env.REQUIRE_BROWSER === '1') {
    console.error('REQUIRE_BROWSER=1: failing because the browser suite cannot run.')
    process.exit(1)
  }
  suites = suites.filter((suite) => suite !== 'browser')
}

const database = process.env.DB_CONNECTION || 'sqlite'
const totals = { passed: 0, failed: 0, skipped: 0 }
const lines = []
const failures = []
let failedRun = false

for (const suite of suites) {
  const started = Date.now()
  const result = spawnSync(process.execPath, ['ace', 'test', suite, ...passthrough], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'test', FORCE_COLOR: process.env.FORCE_COLOR ?? '0' },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  })
  process.stdout.write(result.stdout ?? '')
  process.stderr.write(result.stderr ?? '')

  const counts = parseSummary(`${result.stdout}\n${result.stderr}`)
  failures.push(...failuresOf(`${result.stdout}\n${result.stderr}`).map((failure) => `${suite}: ${failure}`))
  totals.passed += counts.passed
  totals.failed += counts.failed
  totals.skipped += counts.skipped
  if (result.status !== 0) failedRun = true
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  lines.push(`${suite} (${database}): ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''} in ${seconds}s${result.status !== 0 ? ' — FAILED' : ''}`)
}

console.log(`\nSummary on ${database}:`)
for (const line of lines) console.log(`  ${line}`)
// The failing tests again, last: a CI log is often read from its tail.
if (failures.length) console.log(`Failed on ${database}:\n${failures.map((failure) => `  ${failure}`).join('\n')}`)
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`)
// exitCode, not exit(): stdout to a pipe is asynchronous and exit() would cut the summary off.
process.exitCode = failedRun ? 1 : 0

/** Reads Japa's closing "Tests  12 passed, 1 failed (13)" line. */
function parseSummary(output) {
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '')
  const line = plain.split('\n').reverse().find((row) => /^\s*Tests\s/.test(row)) ?? ''
  const count = (word) => Number(line.match(new RegExp(`(\\d+) ${word}`))?.[1] ?? 0)
  return { passed: count('passed'), failed: count('failed'), skipped: count('skipped') }
}

/** Each failed test from Japa's ERRORS section: "Group / title — first line of the error". */
function failuresOf(output) {
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '').split('\n')
  const failures = []
  plain.forEach((row, index) => {
    const title = row.match(/^❯ (.+)$/)?.[1]
    if (!title || /^(Executed|Reverted) \d+ migrations/.test(title)) return
    const message = plain.slice(index + 1, index + 30).find((next) => /^\s*(ℹ|Error|\w*Error|Timeout)/.test(next.trim()))
    failures.push(message ? `${title} — ${message.trim().replace(/^ℹ\s*/, '').slice(0, 300)}` : title)
  })
  return failures
}
