import limiter from '@adonisjs/limiter/services/main'

/*
| Wrong access codes and passwords are counted per IP (one guesser, at /g or at a
| gallery's own form) and per gallery (at most 100 failures an hour from anywhere, so a
| botnet cannot try codes against one gallery for long). Right answers reset nothing:
| a guesser who also holds one valid code must not be able to clear their count.
*/
const perIp = () => limiter.use({ requests: 20, duration: '15 mins', blockDuration: '15 mins' })
const perGallery = () => limiter.use({ requests: 100, duration: '1 hour', blockDuration: '1 hour' })

function keys(ip: string, galleryId?: string) {
  return [
    [perIp(), `gallery_access:ip:${ip}`] as const,
    ...(galleryId ? [[perGallery(), `gallery_access:gallery:${galleryId}`] as const] : []),
  ]
}

/** Seconds to wait before another attempt is allowed, or 0. */
export async function galleryAccessBlockedFor(ip: string, galleryId?: string) {
  let wait = 0
  for (const [store, key] of keys(ip, galleryId)) {
    if (await store.isBlocked(key)) wait = Math.max(wait, await store.availableIn(key))
  }
  return wait
}

export async function recordFailedGalleryAccess(ip: string, galleryId?: string) {
  for (const [store, key] of keys(ip, galleryId)) {
    const { remaining } = await store.increment(key)
    if (remaining === 0) await store.block(key, store.blockDuration)
  }
}
