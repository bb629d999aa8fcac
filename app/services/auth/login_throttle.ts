import limiter from '@adonisjs/limiter/services/main'
import { addressKey as account } from '#services/auth/address_key'

/*
| Failed sign-ins are counted three ways. Per account and IP, and per IP, they block (a
| guesser, or one address spraying many accounts). Per account from anywhere they never
| block, or five addresses could lock an admin out: after FREE failures in an hour each
| further one makes the account's next attempt wait longer (1, 2, 4, 8, 16 s); from
| PROOF_AFTER failures a password alone no longer signs in — the browser asks for a
| one-time sign-in link emailed to the account's address (SendSignInLink), which only
| its owner can open. Wrong passwords tried then are not even checked, so guessing
| further learns nothing. A successful sign-in clears the account's count.
*/
export const LOGIN_LIMITS = { free: 5, proofAfter: 10, window: '1 hour' } as const

const perAccountAndIp = () => limiter.use({ requests: 5, duration: '15 mins', blockDuration: '15 mins' })
const perIp = () => limiter.use({ requests: 50, duration: '15 mins', blockDuration: '30 mins' })
const perAccount = () => limiter.use({ requests: 1_000_000, duration: LOGIN_LIMITS.window })
const accountDelay = () => limiter.use({ requests: 1, duration: '1 min' })

export type LoginGate = { open: true } | { open: false; waitSeconds: number } | { open: false; proof: true }

const keys = (email: string, ip: string) => ({
  accountAndIp: `login:account_ip:${account(email)}:${ip}`,
  ip: `login:ip:${ip}`,
  account: `login:account:${account(email)}`,
  delay: `login:delay:${account(email)}`,
})

/** Failures counted against the account, from anywhere, in the current window. */
export async function accountFailures(email: string) {
  return (await perAccount().get(keys(email, '').account))?.consumed ?? 0
}

/** Whether a password may be checked now: blocked (with the wait), open, or proof needed first. */
export async function loginGate(email: string, ip: string): Promise<LoginGate> {
  const key = keys(email, ip)
  let wait = 0
  for (const [store, name] of [[perAccountAndIp(), key.accountAndIp], [perIp(), key.ip]] as const) {
    if (await store.isBlocked(name)) wait = Math.max(wait, await store.availableIn(name))
  }
  if (wait > 0) return { open: false, waitSeconds: wait }
  if ((await accountFailures(email)) >= LOGIN_LIMITS.proofAfter) return { open: false, proof: true }
  const delay = accountDelay()
  if (await delay.isBlocked(key.delay)) return { open: false, waitSeconds: Math.max(1, await delay.availableIn(key.delay)) }
  return { open: true }
}

export async function recordFailedLogin(email: string, ip: string) {
  const key = keys(email, ip)
  for (const [store, name] of [[perAccountAndIp(), key.accountAndIp], [perIp(), key.ip]] as const) {
    const { remaining } = await store.increment(name)
    if (remaining === 0) await store.block(name, store.blockDuration)
  }
  const { consumed } = await perAccount().increment(key.account)
  if (consumed >= LOGIN_LIMITS.free && consumed < LOGIN_LIMITS.proofAfter) {
    await accountDelay().block(key.delay, `${2 ** (consumed - LOGIN_LIMITS.free)} secs`)
  }
}

/** After a sign-in (by password, or by an emailed link for the whole account). */
export async function clearFailedLogins(email: string, ip?: string) {
  const key = keys(email, ip ?? '')
  if (ip) await perAccountAndIp().delete(key.accountAndIp)
  await perAccount().delete(key.account)
  await accountDelay().delete(key.delay)
}
