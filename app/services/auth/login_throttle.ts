import limiter from '@adonisjs/limiter/services/main'

/*
| Failed logins are counted three ways: per account and IP (stops a guesser quickly
| without locking the real owner out from elsewhere), per IP (stops spraying many
| accounts) and per account (at most 100 failures an hour from anywhere).
*/
const perAccountAndIp = () => limiter.use({ requests: 5, duration: '15 mins', blockDuration: '15 mins' })
const perIp = () => limiter.use({ requests: 50, duration: '15 mins', blockDuration: '30 mins' })
const perAccount = () => limiter.use({ requests: 100, duration: '1 hour', blockDuration: '1 hour' })

function keys(email: string, ip: string) {
  const account = email.trim().toLowerCase()
  return [
    [perAccountAndIp(), `login:account_ip:${account}:${ip}`],
    [perIp(), `login:ip:${ip}`],
    [perAccount(), `login:account:${account}`],
  ] as const
}

/** Seconds to wait before another attempt is allowed, or 0. */
export async function loginBlockedFor(email: string, ip: string) {
  let wait = 0
  for (const [store, key] of keys(email, ip)) {
    if (await store.isBlocked(key)) {
      wait = Math.max(wait, await store.availableIn(key))
    }
  }
  return wait
}

export async function recordFailedLogin(email: string, ip: string) {
  for (const [store, key] of keys(email, ip)) {
    const { remaining } = await store.increment(key)
    if (remaining === 0) await store.block(key, store.blockDuration)
  }
}

export async function clearFailedLogins(email: string, ip: string) {
  const [[store, key]] = keys(email, ip)
  await store.delete(key)
}
