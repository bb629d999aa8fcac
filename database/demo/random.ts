/**
 * A seeded pseudo-random generator (mulberry32): the demo studio is the same on
 * every machine and every run, which keeps seeding idempotent and tests stable.
 */
export class DemoRandom {
  #state: number

  constructor(seed: number | string) {
    this.#state = typeof seed === 'number' ? seed : [...seed].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 7)
  }

  next() {
    let t = (this.#state += 0x6d2b79f5)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  int(min: number, max: number) {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]
  }

  chance(probability: number) {
    return this.next() < probability
  }
}
