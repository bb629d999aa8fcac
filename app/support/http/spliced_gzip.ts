import { constants, crc32, deflateRawSync } from 'node:zlib'

/*
| A kept page sent gzipped without compressing it per response: its fixed parts are
| deflated once (each ends on a byte boundary, not final), this response's own values (a CSP
| nonce, a CSRF token) go between them as stored blocks, and an empty final block and the
| gzip trailer close it (RFC 1951 §3.2.4, RFC 1952). Per response only the short values
| are read: the page's CRC is combined from its parts' own.
*/

export interface DeflatedPart {
  raw: Buffer
  deflated: Buffer
  /** The CRC-32 of `raw`, worked out once with the deflating. */
  crc: number
}

export function deflatedPart(raw: Buffer): DeflatedPart {
  return { raw, deflated: deflateRawSync(raw, { finishFlush: constants.Z_SYNC_FLUSH }), crc: raw.length ? crc32(raw) : 0 }
}

/*
| CRC-32 of two pieces joined, from their own CRCs and the second's length (zlib's
| crc32_combine): so a response's CRC costs its short values, not the page's 57 KB again.
*/
const POLY = 0xedb88320

function multiplyModP(a: number, b: number) {
  let m = 0x80000000
  let p = 0
  for (;;) {
    if (a & m) {
      p ^= b
      if ((a & (m - 1)) === 0) break
    }
    m >>>= 1
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1
  }
  return p >>> 0
}

/** x^(2^k) modulo the CRC polynomial, k = 0..31. */
const X2N: number[] = []
for (let k = 0, p = 0x40000000; k < 32; k++, p = multiplyModP(p, p)) X2N.push(p)

/** x^(8·bytes) modulo the CRC polynomial. */
function shiftOf(bytes: number) {
  let p = 0x80000000
  for (let n = bytes, k = 3; n; n = Math.floor(n / 2), k++) if (n & 1) p = multiplyModP(X2N[k & 31], p)
  return p
}

export function crc32Combine(first: number, second: number, secondLength: number) {
  return (multiplyModP(shiftOf(secondLength), first) ^ second) >>> 0
}

const HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff])
/** An empty final block with fixed codes: BFINAL 1, BTYPE 01, end of block. */
const FINAL = Buffer.from([0x03, 0x00])
const MAX_STORED = 0xffff

/** Uncompressed bytes as stored blocks (a nonce or a token: short). */
function stored(raw: Buffer) {
  const blocks: Buffer[] = []
  for (let at = 0; at < raw.length; at += MAX_STORED) {
    const chunk = raw.subarray(at, at + MAX_STORED)
    const head = Buffer.alloc(5)
    head.writeUInt16LE(chunk.length, 1)
    head.writeUInt16LE(~chunk.length & 0xffff, 3)
    blocks.push(head, chunk)
  }
  return blocks
}

/** One gzip member of the parts in order: kept parts as deflated, the rest stored. */
export function splicedGzip(parts: (DeflatedPart | Buffer)[]) {
  const body: Buffer[] = [HEADER]
  let crc = 0
  let size = 0
  for (const part of parts) {
    const raw = Buffer.isBuffer(part) ? part : part.raw
    // zlib's crc32 answers 0 for an empty buffer without memory behind it, whatever it was given.
    if (!raw.length) continue
    if (Buffer.isBuffer(part)) {
      crc = crc32(raw, crc)
      body.push(...stored(part))
    } else {
      crc = crc32Combine(crc, part.crc, raw.length)
      body.push(part.deflated)
    }
    size += raw.length
  }
  const trailer = Buffer.alloc(8)
  trailer.writeUInt32LE(crc >>> 0, 0)
  trailer.writeUInt32LE(size >>> 0, 4)
  body.push(FINAL, trailer)
  return Buffer.concat(body)
}

/** The client takes gzip (and didn't refuse it with q=0). */
export function acceptsGzip(header: string | undefined) {
  if (!header) return false
  const match = /(?:^|,)\s*gzip\s*(?:;\s*q\s*=\s*([0-9.]+))?/i.exec(header)
  return !!match && (match[1] === undefined || Number(match[1]) > 0)
}
