/*
| `npm run bench -- <name> [flags]`: runs bench/<name>.ts under the TypeScript loader.
| Without a name, lists the benches with the first line of their header comment.
| Benchmarks are measurements, not tests: nothing here passes or fails on timing.
*/
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const benchDir = join(root, 'bench')
const [name, ...flags] = process.argv.slice(2)

const available = readdirSync(benchDir)
  .filter((file) => file.endsWith('.ts') && !file.startsWith('_'))
  .map((file) => file.slice(0, -3))
  .sort()

if (!name || name === '--help' || name === '-h') {
  console.log('Usage: npm run bench -- <name> [flags]\n\nAvailable benches:')
  for (const bench of available) console.log(`  ${bench.padEnd(10)} ${summaryOf(bench)}`)
  console.log('\nSee bench/README.md for what each one measures and its flags.')
  process.exit(name ? 0 : 1)
}

if (!available.includes(name) || !existsSync(join(benchDir, `${name}.ts`))) {
  console.error(`Unknown bench "${name}". Available: ${available.join(', ')}`)
  process.exit(1)
}

const child = spawn(process.execPath, ['--import=ts-node-maintained/register/esm', join('bench', `${name}.ts`), ...flags], {
  cwd: root,
  stdio: 'inherit',
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))

/** The first sentence of the bench's opening comment block. */
function summaryOf(bench) {
  const source = readFileSync(join(benchDir, `${bench}.ts`), 'utf8')
  const line = source.split('\n').find((row) => /^\|\s+\S/.test(row)) ?? ''
  return line.replace(/^\|\s+/, '')
}
