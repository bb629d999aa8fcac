import limiter from '@adonisjs/limiter/services/main'

/*
| Wrong codes, passwords, share secrets and emailed entry codes are counted three ways,
| none of which locks the family out:
| - per IP: 20 in 15 minutes, then that network waits 15 minutes (at /g and every gallery);
| - per IP and gallery: 3 free tries, then each further failure doubles that IP's wait on
|   that gallery (2 s, 4 s, 8 s … 5 minutes at most): a progressive delay;
| - per gallery: past 100 failures in an hour from anywhere the gallery is *guarded*: the
|   right code and password no longer let a new browser in by themselves, the person also
|   proves an email the gallery knows (the family's, or a visitor's from before) with a
|   code sent there (see AdmitGalleryVisitor). Browsers already inside and the signed-in
|   family are not affected.
| Right answers reset nothing: a guesser who holds one valid code can't clear their count.
*/
export const FREE_TRIES_PER_GALLERY = 3
const MAX_DELAY_SECONDS = 300

const perIp = () => limiter.use({ requests: 20, duration: '15 mins', blockDuration: '15 mins' })
const perIpOnGallery = () => limiter.use({ requests: 1000, duration: '1 hour' })
const delays = () => limiter.use({ requests: 1, duration: '1 hour' })
const perGallery = () => limiter.use({ requests: 100, duration: '1 hour' })

const keys = {
  ip: (ip: string) => `gallery_access:ip:${ip}`,
  ipOnGallery: (ip: string, galleryId: string) => `gallery_access:ip_gallery:${ip}:${galleryId}`,
  delay: (ip: string, galleryId: string) => `gallery_access:delay:${ip}:${galleryId}`,
  gallery: (galleryId: string) => `gallery_access:gallery:${galleryId}`,
}

/** Seconds this IP must wait before its next attempt (on this gallery), or 0. */
export async function galleryAccessBlockedFor(ip: string, galleryId?: string) {
  const waits = [[perIp(), keys.ip(ip)] as const, ...(galleryId ? [[delays(), keys.delay(ip, galleryId)] as const] : [])]
  let wait = 0
  for (const [store, key] of waits) {
    if (await store.isBlocked(key)) wait = Math.max(wait, await store.availableIn(key))
  }
  return wait
}

export async function recordFailedGalleryAccess(ip: string, galleryId?: string) {
  const ipStore = perIp()
  if ((await ipStore.increment(keys.ip(ip))).remaining === 0) await ipStore.block(keys.ip(ip), ipStore.blockDuration)
  if (!galleryId) return

  await perGallery().increment(keys.gallery(galleryId))
  const { consumed } = await perIpOnGallery().increment(keys.ipOnGallery(ip, galleryId))
  if (consumed > FREE_TRIES_PER_GALLERY) {
    const seconds = Math.min(MAX_DELAY_SECONDS, 2 ** (consumed - FREE_TRIES_PER_GALLERY))
    await delays().block(keys.delay(ip, galleryId), seconds)
  }
}

/** Past its hourly failures: new browsers prove an email the gallery knows before they get in. */
export async function galleryGuarded(galleryId: string) {
  const store = perGallery()
  const counted = await store.get(keys.gallery(galleryId))
  return !!counted && counted.consumed >= store.requests
}
