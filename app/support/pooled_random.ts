import { randomFillSync } from 'node:crypto'

const POOL_BYTES = 4096
const pool = Buffer.alloc(POOL_BYTES)
let offset = POOL_BYTES
let drawn = 0

/**
 * `string.random(size)` as @poppinss/string makes it (URL-safe base64 of fresh CSPRNG
 * bytes), but the bytes come from a pool filled 4 KB at a time, as Node's own
 * `randomUUID` does: one getrandom call per ~200 values instead of one per value. Every
 * response takes at least one (its CSP nonce), and on this machine the system call cost
 * more than the rest of the nonce. Bytes are never handed out twice.
 */
export function pooledRandom(size: number) {
  const bytes = Math.ceil(((size + 1) * 6) / 8)
  if (bytes > POOL_BYTES) return randomFillSync(Buffer.alloc(bytes)).toString('base64url').slice(0, size)
  if (offset + bytes > POOL_BYTES) {
    randomFillSync(pool)
    offset = 0
  }
  const value = pool.toString('base64url', offset, offset + bytes).slice(0, size)
  pool.fill(0, offset, offset + bytes)
  offset += bytes
  drawn += bytes
  return value
}

/** Bytes handed out so far (for tests). */
export function bytesDrawn() {
  return drawn
}
