import imagesConfig from '#config/images'

/**
 * At most `size` pieces of work at once; the others wait their turn, first come first
 * served. Bounds how many photos one process holds in memory, whatever the number of
 * media jobs its worker runs side by side.
 */
export class ImageSlots {
  #free: number
  #waiting: Array<() => void> = []

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`Image slots need a whole number ≥ 1, got ${size}`)
    this.#free = size
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#free > 0) this.#free--
    else await new Promise<void>((resolve) => this.#waiting.push(resolve))
    try {
      return await work()
    } finally {
      // The slot passes straight to the next in line, or frees up.
      const next = this.#waiting.shift()
      if (next) next()
      else this.#free++
    }
  }
}

/** The process's photo slots (IMAGE_CONCURRENCY), shared by every pipeline. */
export const imageSlots = new ImageSlots(imagesConfig.concurrency)
