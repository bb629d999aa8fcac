import pg from 'pg'
import { spawnSync } from 'node:child_process'

export interface PgTarget {
  host: string
  port: number
  user: string
}

function connect(target: PgTarget, database: string) {
  return new pg.Client({ ...target, password: process.env.PG_PASSWORD || undefined, database })
}

/** Drops and creates a bench's own database (never point it at a real one). */
export async function recreateDatabase(target: PgTarget, name: string) {
  const client = connect(target, 'postgres')
  await client.connect()
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await client.query(`CREATE DATABASE ${name}`)
  } finally {
    await client.end()
  }
}

/** Planner statistics, as autovacuum keeps them on a live database. */
export async function analyzeDatabase(target: PgTarget, name: string) {
  const client = connect(target, name)
  await client.connect()
  try {
    await client.query('ANALYZE')
  } finally {
    await client.end()
  }
}

/** `node ace <args>` in the production build, with exactly `env` on top of `base`. */
export function aceInBuild(cwd: string, base: NodeJS.ProcessEnv, env: Record<string, string>, ...args: string[]) {
  const result = spawnSync(process.execPath, ['ace.js', ...args], { cwd, env: { ...base, ...env }, encoding: 'utf8' })
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr)
    throw new Error(`node ace ${args.join(' ')} failed`)
  }
}
