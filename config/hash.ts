import app from '@adonisjs/core/services/app'
import { defineConfig, drivers } from '@adonisjs/core/hash'

/**
 * OWASP's scrypt parameters (Password Storage Cheat Sheet): N=2^17, r=8, p=1. One hash
 * uses 128 × N × r = 128 MiB of memory (maxMemory leaves headroom; Node refuses a hash
 * above it) and ~0.5 s of one core here. Hashes made with older parameters are redone at
 * the next successful sign-in (AttemptLogin).
 */
export const OWASP_SCRYPT = {
  cost: 2 ** 17,
  blockSize: 8,
  parallelization: 1,
  maxMemory: 2 * 128 * 2 ** 17 * 8,
}

/**
 * Tests hash hundreds of factory passwords: there the same algorithm runs at a small
 * cost (tests/unit/config/hash.spec.ts proves the parameters above).
 */
const TEST_SCRYPT = { cost: 2 ** 12, blockSize: 8, parallelization: 1, maxMemory: 32 * 1024 * 1024 }

const hashConfig = defineConfig({
  default: 'scrypt',
  list: {
    scrypt: drivers.scrypt(app.inTest ? TEST_SCRYPT : OWASP_SCRYPT),
  },
})

export default hashConfig

declare module '@adonisjs/core/types' {
  export interface HashersList extends InferHashers<typeof hashConfig> {}
}
