import type { Encryption } from '@adonisjs/core/encryption'

const KEPT = 10_000

/**
 * Makes the verifier compute each signature of a string without an expiry once per
 * process, and check each such signature once: a string signed without an expiry always
 * signs to the same text (HMAC-SHA256 of the encoded message), so that text verifies to
 * that string forever. The session id cookie is both signed and checked on every
 * response, and under OpenSSL 3 each new HMAC cost more than the rest of a small
 * response. Anything else (objects, an expiry) is signed and checked as before: a text
 * is only remembered as valid when signing its string again without an expiry gives
 * exactly that text.
 */
export function rememberSignatures(encryption: Encryption) {
  const verifier = encryption.verifier
  const sign = verifier.sign.bind(verifier)
  const unsign = verifier.unsign.bind(verifier)
  const signatures = new Map<string, string>()
  const verified = new Map<string, string>()
  const keep = (map: Map<string, string>, key: string, value: string) => {
    if (map.size >= KEPT) map.clear()
    map.set(key, value)
  }
  const signedOnce = (payload: string, purpose?: string) => {
    const key = `${purpose ?? ''}\u0000${payload}`
    let signature = signatures.get(key)
    if (signature === undefined) {
      signature = sign(payload, undefined, purpose)
      keep(signatures, key, signature)
      keep(verified, `${purpose ?? ''}\u0000${signature}`, payload)
    }
    return signature
  }
  verifier.sign = ((payload: any, expiresIn?: string | number, purpose?: string) => {
    if (typeof payload !== 'string' || expiresIn !== undefined) return sign(payload, expiresIn, purpose)
    return signedOnce(payload, purpose)
  }) as typeof verifier.sign
  verifier.unsign = ((signature: any, purpose?: string) => {
    if (typeof signature !== 'string') return unsign(signature, purpose)
    const known = verified.get(`${purpose ?? ''}\u0000${signature}`)
    if (known !== undefined) return known
    const value = unsign(signature, purpose)
    if (typeof value === 'string') signedOnce(value, purpose)
    return value
  }) as typeof verifier.unsign
}
