import limiter from '@adonisjs/limiter/services/main'
import type { Downloader } from '#actions/galleries/gallery_viewer'

/** ZIPs one visitor (or studio user) may have streaming at once: each holds a connection and reads every file. */
export const ARCHIVES_AT_ONCE = 2

/*
| Counted in the limiter store, so several app processes share the count (Redis or the
| database). A process that dies mid-ZIP can't give its slot back: the count lapses after
| six hours, longer than any real download.
*/
const slots = () => limiter.use({ requests: ARCHIVES_AT_ONCE, duration: '6 hours' })

/**
 * Takes one of the downloader's ZIP slots: a function that gives it back (once), or null
 * when ARCHIVES_AT_ONCE are already streaming.
 */
export async function claimArchiveSlot(downloader: Downloader) {
  const key = `gallery_archives:${downloader.galleryVisitorId ? `visitor:${downloader.galleryVisitorId}` : `user:${downloader.userId}`}`
  const store = slots()
  if ((await store.increment(key)).consumed > ARCHIVES_AT_ONCE) {
    await store.decrement(key)
    return null
  }
  let released = false
  return async () => {
    if (released) return
    released = true
    await store.decrement(key)
  }
}
