/*
| Every variable Loupe reads, validated at boot. `.env.example` documents each one.
*/
import { Env } from '@adonisjs/core/env'

export default await Env.create(new URL('../', import.meta.url), {
  NODE_ENV: Env.schema.enum(['development', 'production', 'test'] as const),
  PORT: Env.schema.number(),
  HOST: Env.schema.string({ format: 'host' }),
  APP_KEY: Env.schema.string(),
  APP_URL: Env.schema.string.optional(),
  LOG_LEVEL: Env.schema.enum.optional(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const),
  TRUSTED_PROXIES: Env.schema.string.optional(),

  SESSION_DRIVER: Env.schema.enum.optional(['cookie', 'memory', 'redis'] as const),

  DB_CONNECTION: Env.schema.enum.optional(['sqlite', 'pg'] as const),
  SQLITE_PATH: Env.schema.string.optional(),
  PG_HOST: Env.schema.string.optional({ format: 'host' }),
  PG_PORT: Env.schema.number.optional(),
  PG_USER: Env.schema.string.optional(),
  PG_PASSWORD: Env.schema.string.optional(),
  PG_DB_NAME: Env.schema.string.optional(),
  TEST_SQLITE_PATH: Env.schema.string.optional(),
  TEST_PG_DB_NAME: Env.schema.string.optional(),

  REDIS_HOST: Env.schema.string.optional({ format: 'host' }),
  /** How kiosk boards hear check-ins: memory (one app process) or redis (several). */
  KIOSK_EVENTS: Env.schema.enum.optional(['memory', 'redis'] as const),
  REDIS_PORT: Env.schema.number.optional(),
  REDIS_PASSWORD: Env.schema.string.optional(),
  LIMITER_STORE: Env.schema.enum.optional(['database', 'redis', 'memory'] as const),

  SMTP_HOST: Env.schema.string.optional(),
  SMTP_PORT: Env.schema.number.optional(),
  SMTP_USERNAME: Env.schema.string.optional(),
  SMTP_PASSWORD: Env.schema.string.optional(),
  SMTP_SECURE: Env.schema.boolean.optional(),
  MAIL_FROM_ADDRESS: Env.schema.string.optional(),
  MAIL_FROM_NAME: Env.schema.string.optional(),

  DRIVE_DISK: Env.schema.enum.optional(['fs', 's3'] as const),
  DRIVE_ROOT: Env.schema.string.optional(),
  S3_BUCKET: Env.schema.string.optional(),
  S3_REGION: Env.schema.string.optional(),
  S3_ENDPOINT: Env.schema.string.optional(),
  S3_ACCESS_KEY_ID: Env.schema.string.optional(),
  S3_SECRET_ACCESS_KEY: Env.schema.string.optional(),
  S3_FORCE_PATH_STYLE: Env.schema.boolean.optional(),

  DEMO_SCALE: Env.schema.number.optional(),

  JOBS_IN_PROCESS: Env.schema.boolean.optional(),

  BENCH_ROUTES: Env.schema.boolean.optional(),

  IMAGE_MAX_BYTES: Env.schema.number.optional(),
  IMAGE_MAX_PIXELS: Env.schema.number.optional(),
  IMAGE_CONCURRENCY: Env.schema.number.optional(),
  IMAGE_THREADS: Env.schema.number.optional(),

  GOOGLE_CLIENT_ID: Env.schema.string.optional(),
  GOOGLE_CLIENT_SECRET: Env.schema.string.optional(),
  FACEBOOK_CLIENT_ID: Env.schema.string.optional(),
  FACEBOOK_CLIENT_SECRET: Env.schema.string.optional(),

  // paypal: Orders v2 with capture on return (/payments/paypal/return); plan installments need stripe.
  PAYMENT_GATEWAY: Env.schema.enum.optional(['offline', 'stripe', 'paypal'] as const),
  DEMO_CARD: Env.schema.boolean.optional(),

  /*
  | Print-on-demand labs (fulfillment:sync). Without keys, items routed to that lab wait.
  */
  PRINTFUL_API_KEY: Env.schema.string.optional(),
  PRINTFUL_API_URL: Env.schema.string.optional(),
  PRINTFUL_WEBHOOK_SECRET: Env.schema.string.optional(),
  GOOTEN_RECIPE_ID: Env.schema.string.optional(),
  GOOTEN_BILLING_KEY: Env.schema.string.optional(),
  GOOTEN_API_URL: Env.schema.string.optional(),
  AVAILABILITY_CACHE_SECONDS: Env.schema.number.optional(),
  PUBLIC_PAGE_CACHE_SECONDS: Env.schema.number.optional(),
  GALLERY_PAGE_CACHE_SECONDS: Env.schema.number.optional(),
  KIOSK_BOARD_CHECK_MS: Env.schema.number.optional(),
  STRIPE_SECRET_KEY: Env.schema.string.optional(),
  STRIPE_WEBHOOK_SECRET: Env.schema.string.optional(),
  STRIPE_API_HOST: Env.schema.string.optional(),
  STRIPE_API_PORT: Env.schema.number.optional(),
  STRIPE_API_PROTOCOL: Env.schema.enum.optional(['http', 'https'] as const),
  PAYPAL_BASE_URL: Env.schema.string.optional(),
  PAYPAL_CLIENT_ID: Env.schema.string.optional(),
  PAYPAL_CLIENT_SECRET: Env.schema.string.optional(),
  PAYPAL_WEBHOOK_ID: Env.schema.string.optional(),
})
