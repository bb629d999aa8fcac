import { readFileSync, readdirSync } from 'node:fs'

/**
 * CPU time (ms) spent so far by the load server, this bench process (the load generator) and
 * every PostgreSQL process, from /proc: on a 2-core machine the three share the cores, so
 * a latency figure reads differently when the server is not the one using them.
 */
export function cpuSplit(serverPid: number) {
  const ticks = (pid: number | string) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
      return Number(fields[11]) + Number(fields[12])
    } catch {
      return 0
    }
  }
  let postgres = 0
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') postgres += ticks(pid)
    } catch {
      // gone meanwhile
    }
  }
  const usage = process.cpuUsage()
  // /proc counts in clock ticks: 100 a second on Linux.
  return { server: ticks(serverPid) * 10, bench: (usage.user + usage.system) / 1000, postgres: postgres * 10 }
}

/** What each of the three spent between two readings, per `count` operations. */
export function cpuPer(before: ReturnType<typeof cpuSplit>, after: ReturnType<typeof cpuSplit>, count: number) {
  const per = (key: keyof typeof before) => ((after[key] - before[key]) / count).toFixed(2)
  return `server ${per('server')} ms, load generator ${per('bench')} ms, PostgreSQL ${per('postgres')} ms`
}
