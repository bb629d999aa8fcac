import { constants, crc32, deflateRawSync } from 'node:zlib'

/*
| A kept page sent gzipped without compressing it per response: its fixed parts are
| deflated once (each ends on a byte boundary, not final), this response's own values (a CSP
| nonce, a CSRF token) go between them as stored blocks, and an empty final block and the
| gzip trailer close it (RFC 1951 §3.2.4, RFC 1952). Only the CRC is worked out per
| response, over the page's bytes.
*/

export interface DeflatedPart {
  raw: Buffer
  deflated: Buffer
}

export function deflatedPart(raw: Buffer): DeflatedPart {
  return { raw, deflated: deflateRawSync(raw, { finishFlush: constants.Z_SYNC_FLUSH }) }
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
    crc = crc32(raw, crc)
    size += raw.length
    if (Buffer.isBuffer(part)) body.push(...stored(part))
    else body.push(part.deflated)
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
