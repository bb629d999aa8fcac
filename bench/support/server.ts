import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'

export interface RunningServer {
  url: string
  pid: number
  stop(): Promise<void>
}

/** A free TCP port at or above `from` (the bench's own range), so runs don't collide. */
export async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 100; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer()
        .once('error', () => resolve(false))
        .once('listening', () => probe.close(() => resolve(true)))
        .listen(port, '127.0.0.1')
    })
    if (free) return port
  }
  throw new Error(`No free port in ${from}–${from + 99}`)
}

/**
 * `node bin/server.js` (or `script`) from the production build with exactly `env` on top of `base`
 * (pass the environment as it was before anything loaded a .env into process.env),
 * waited for until `readyPath` answers 200, stopped by its PID (SIGTERM, then SIGKILL
 * after 5 s). `nodeArgs` go to node before the script (e.g. `--cpu-prof`).
 */
export async function startServer(
  build: string,
  env: Record<string, string>,
  readyPath: string,
  base: NodeJS.ProcessEnv,
  nodeArgs: string[] = [],
  script = 'bin/server.js'
): Promise<RunningServer> {
  const url = `http://${env.HOST}:${env.PORT}`
  const child = spawn(process.execPath, [...nodeArgs, join(build, script)], {
    cwd: build,
    env: { ...base, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const stopOnExit = () => child.kill('SIGKILL')
  process.once('exit', stopOnExit)

  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode} before answering`)
    try {
      if ((await fetch(url + readyPath)).status === 200) break
    } catch {}
    if (attempt > 200) throw new Error(`The server did not answer ${readyPath} within 60 s`)
    await new Promise((resolve) => setTimeout(resolve, 300))
  }

  return {
    url,
    pid: child.pid!,
    async stop() {
      process.off('exit', stopOnExit)
      if (child.exitCode !== null) return
      process.kill(child.pid!, 'SIGTERM')
      const timer = setTimeout(() => killQuietly(child), 5000)
      await exited
      clearTimeout(timer)
    },
  }
}

function killQuietly(child: ChildProcess) {
  try {
    process.kill(child.pid!, 'SIGKILL')
  } catch {}
}
