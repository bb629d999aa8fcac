import app from '@adonisjs/core/services/app'
import emitter from '@adonisjs/core/services/emitter'
import { configProvider } from '@adonisjs/core'
import SessionMiddleware from '@adonisjs/session/session_middleware'
import env from '#start/env'

/**
 * Serves HTTP sessions from the signed cookie store (the production default) instead of
 * the memory store the Japa session plugins need, until the returned function runs.
 * With it the whole login travels inside the cookie: what an attacker copies.
 */
export async function useCookieSessions() {
  const config = await configProvider.resolve<any>(app, app.config.get('session'))
  app.container.swap(SessionMiddleware, () => new SessionMiddleware({ ...config, store: 'cookie' }, emitter))
  return () => app.container.restore(SessionMiddleware)
}

/**
 * A minimal browser against the test server: a cookie jar fed by Set-Cookie, forms
 * posted with the CSRF token read from the page. `copyCookies()` is what a thief keeps.
 */
export class CookieBrowser {
  jar = new Map<string, string>()
  readonly base = `http://${env.get('HOST')}:${env.get('PORT')}`

  get(path: string) {
    return this.request('GET', path)
  }

  /** Posts `fields` with the CSRF token of the page at `formPage`. */
  async submit(formPage: string, action: string, fields: Record<string, string> = {}) {
    const page = await (await this.get(formPage)).text()
    const token = page.match(/<meta name="csrf-token" content="([^"]+)"/)?.[1]
    if (!token) throw new Error(`No CSRF token on ${formPage}`)
    return this.request('POST', action, { _csrf: token, ...fields })
  }

  copyCookies() {
    return new Map(this.jar)
  }

  async request(method: string, path: string, form?: Record<string, string>) {
    const response = await fetch(this.base + path, {
      method,
      redirect: 'manual',
      headers: {
        accept: 'text/html',
        cookie: [...this.jar].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form ? new URLSearchParams(form) : undefined,
    })
    for (const cookie of response.headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(';')
      const name = pair.slice(0, pair.indexOf('='))
      const expired = attributes.some((attribute) => /^\s*max-age=0$/i.test(attribute) || /^\s*expires=Thu, 01 Jan 1970/i.test(attribute))
      if (expired) this.jar.delete(name)
      else this.jar.set(name, pair.slice(pair.indexOf('=') + 1))
    }
    return response
  }
}
