import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, services } from '@adonisjs/drive'
import { ensureFolder } from '#support/fs/ensure_folder'

/*
| Originals are private on every disk: the local disk lives outside public/ and nothing
| is served from it directly; every byte goes through an authorised route or a signed
| URL. DRIVE_DISK=s3 stores on any S3-compatible service (AWS, MinIO, R2…) instead.
*/
const driveRoot = app.makePath(env.get('DRIVE_ROOT', 'storage'))
if (env.get('DRIVE_DISK', 'fs') === 'fs') ensureFolder(driveRoot)

const driveConfig = defineConfig({
  default: env.get('DRIVE_DISK', 'fs'),
  services: {
    fs: services.fs({
      location: driveRoot,
      serveFiles: false,
      visibility: 'private',
    }),
    s3: services.s3({
      credentials: {
        accessKeyId: env.get('S3_ACCESS_KEY_ID', ''),
        secretAccessKey: env.get('S3_SECRET_ACCESS_KEY', ''),
      },
      region: env.get('S3_REGION', 'us-east-1'),
      bucket: env.get('S3_BUCKET', 'loupe'),
      endpoint: env.get('S3_ENDPOINT'),
      forcePathStyle: env.get('S3_FORCE_PATH_STYLE', false),
      visibility: 'private',
    }),
  },
})

export default driveConfig

declare module '@adonisjs/drive/types' {
  export interface DriveDisks extends InferDriveDisks<typeof driveConfig> {}
}
