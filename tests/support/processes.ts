import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import app from '@adonisjs/core/services/app'

/** A port nothing listens on right now. */
export function freePort() {
  return new Promise<number>((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

export interface Started {
  child: ChildProcess
  /** Everything printed so far, stdout and stderr together. */
  output: () => string
  /** Resolves with the exit code. */
  exited: Promise<number | null>
  /** Resolves once `text` was printed; rejects when the process ends first or after `ms`. */
  waitFor: (text: string | RegExp, ms?: number) => Promise<void>
  /** Stops the process and its children (it leads its own process group). */
  stop: () => Promise<void>
}

/**
 * `node scripts/start.js` (what `npm start` runs) in this checkout, with `env` on top of
 * a clean environment: none of the test runner's variables leak in.
 */
export function startLoupe(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['scripts/start.js'], {
    cwd: app.makePath(),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TZ: 'UTC', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))

  const waitFor = (text: string | RegExp, ms = 90_000) =>
    new Promise<void>((resolve, reject) => {
      const found = () => (typeof text === 'string' ? output.includes(text) : text.test(output))
      const timer = setInterval(() => {
        if (found()) return done(resolve)
        if (child.exitCode !== null) done(() => reject(new Error(`exited (${child.exitCode}) before "${text}":\n${output}`)))
      }, 100)
      const limit = setTimeout(() => done(() => reject(new Error(`no "${text}" within ${ms} ms:\n${output}`))), ms)
      const done = (finish: () => void) => {
        clearInterval(timer)
        clearTimeout(limit)
        finish()
      }
    })

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    process.kill(-child.pid!, 'SIGTERM')
    const killed = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 10_000)
    await exited
    clearTimeout(killed)
  }

  return { child, output: () => output, exited, waitFor, stop }
}
