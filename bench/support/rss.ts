/**
 * Peak resident memory of this process: sampled every `intervalMs` (the event loop stays
 * free while sharp and the database work off-thread), and the kernel's own high-water
 * mark (`maxRSS`), which also catches peaks between two samples.
 */
export class RssSampler {
  #peak = process.memoryUsage.rss()
  #timer: NodeJS.Timeout

  constructor(intervalMs = 50) {
    this.#timer = setInterval(() => {
      this.#peak = Math.max(this.#peak, process.memoryUsage.rss())
    }, intervalMs)
    this.#timer.unref()
  }

  stop() {
    clearInterval(this.#timer)
    const kernelPeak = process.resourceUsage().maxRSS * 1024
    return { sampledPeakMb: toMb(this.#peak), kernelPeakMb: toMb(kernelPeak), peakMb: toMb(Math.max(this.#peak, kernelPeak)) }
  }
}

export const toMb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10
