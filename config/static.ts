import { defineConfig } from '@adonisjs/static'

const staticServerConfig = defineConfig({
  enabled: true,
  etag: true,
  lastModified: true,
  dotFiles: 'ignore',
  // Vendor and asset URLs carry a version query, so they may be cached for long.
  maxAge: '1d',
})

export default staticServerConfig
