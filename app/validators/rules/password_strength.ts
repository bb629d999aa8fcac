import vine from '@vinejs/vine'

export const MIN_PASSWORD_LENGTH = 10

const COMMON = new Set([
  'password', 'password1', 'password12', 'password123', 'passw0rd', '1234567890', '12345678910',
  'qwertyuiop', 'qwerty1234', 'iloveyou12', 'letmein123', 'welcome123', 'admin12345', 'abc1234567',
  'loupe12345', 'photography', 'photographer', 'changeme12', '1q2w3e4r5t', 'aaaaaaaaaa',
])

/** Why a password is too weak, or null when it is acceptable. */
export function passwordWeakness(password: string, email?: string | null): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `Use at least ${MIN_PASSWORD_LENGTH} characters`
  }
  const lower = password.toLowerCase()
  if (COMMON.has(lower) || new Set(lower).size < 4) {
    return 'This password is too easy to guess'
  }
  const local = email?.split('@')[0]?.toLowerCase()
  if (local && local.length >= 4 && lower.includes(local)) {
    return 'Do not use your email address in your password'
  }
  return null
}

/** Vine rule: a strong password (the email, when the form has one, must not appear in it). */
export const strongPassword = vine.createRule((value, _, field) => {
  if (typeof value !== 'string') return
  const email = (field.parent as Record<string, unknown>)?.email
  const problem = passwordWeakness(value, typeof email === 'string' ? email : null)
  if (problem) field.report(problem, 'strongPassword', field)
})
