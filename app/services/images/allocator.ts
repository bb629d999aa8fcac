/**
 * glibc's allocator settings for image work, which it reads only when a process starts:
 * without them one worker making derivatives of 24 MP photos peaks near 500 MB instead of
 * ~240 MB (bench/README.md, images). `npm start` passes them to the server it spawns; a
 * `node ace jobs:work` or `node bin/server.js` service must be started with them.
 */
export const ALLOCATOR_ENV = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' } as const

/** What to tell the operator when this process was started without them, or null. */
export function allocatorWarning(environment: NodeJS.ProcessEnv = process.env) {
  const missing = Object.keys(ALLOCATOR_ENV).filter((key) => !environment[key])
  if (missing.length === 0) return null
  const command = Object.entries(ALLOCATOR_ENV)
    .map(([key, value]) => `${key}=${value}`)
    .join(' ')
  return `${missing.join(' and ')} not set: image jobs may use twice the memory. Start this process with ${command}`
}
