import { readFileSync } from 'node:fs'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  hitCount?: number
}

/**
 * The top frames of a `--cpu-prof` profile by self time, as "share name (file:line)",
 * optionally only the samples taken between `from` and `to` (µs, the profile's clock:
 * see `phaseClock`), so one phase of a bench can be read apart from the others.
 */
export function topFrames(file: string, limit = 25, window?: { from: number; to: number }) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: ProfileNode[]
    samples: number[]
    timeDeltas: number[]
    startTime: number
  }
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const self = new Map<number, number>()
  let time = profile.startTime
  let total = 0
  profile.samples.forEach((id, index) => {
    time += profile.timeDeltas[index]
    if (window && (time < window.from || time > window.to)) return
    self.set(id, (self.get(id) ?? 0) + 1)
    total++
  })
  // Same function in several call paths: summed.
  const byFrame = new Map<string, number>()
  for (const [id, hits] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame
    const where = url ? `${url.replace(/^.*\/node_modules\//, '').replace(/^file:\/\/.*\/build\//, '')}:${lineNumber + 1}` : ''
    const name = `${functionName || '(anonymous)'}${where ? ` (${where})` : ''}`
    byFrame.set(name, (byFrame.get(name) ?? 0) + hits)
  }
  return {
    samples: total,
    frames: [...byFrame.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name, hits]) => `${((100 * hits) / Math.max(total, 1)).toFixed(1).padStart(5)} % ${name}`),
  }
}
