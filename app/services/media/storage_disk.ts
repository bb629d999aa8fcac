import env from '#start/env'

/**
 * The Drive disk new files go to (DRIVE_DISK). Each media asset records its disk, so
 * files stored before a change of disk stay readable where they are.
 */
export function storageDisk(): 'fs' | 's3' {
  return env.get('DRIVE_DISK', 'fs')
}
