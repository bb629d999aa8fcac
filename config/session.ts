import env from '#start/env'
import app from '@adonisjs/core/services/app'
import string from '@adonisjs/core/helpers/string'
import { defineConfig, stores } from '@adonisjs/session'
import { CookieSessionStore } from '#support/http/cookie_session_store'

/*
| Cookie sessions by default (nothing to run); Redis when several app processes
| share sessions. Tests use the memory store the Japa session plugins need.
*/
const sessionConfig = defineConfig({
  enabled: true,
  cookieName: 'loupe-session',
  clearWithBrowser: false,
  age: '2h',
  cookie: {
    path: '/',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
  store: env.get('SESSION_DRIVER', app.inTest ? 'memory' : 'cookie'),
  stores: {
    // The stock cookie store, decrypting once and re-writing unchanged data at most every 12 minutes.
    cookie: (ctx, config) => new CookieSessionStore(ctx, config.cookie, string.seconds.parse(config.age)),
    redis: stores.redis({ connection: 'main' }),
  },
})

export default sessionConfig
