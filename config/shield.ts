import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/shield'

const shieldConfig = defineConfig({
  csp: {
    enabled: true,
    directives: {
      defaultSrc: [`'self'`],
      scriptSrc: [`'self'`, '@nonce'],
      styleSrc: [`'self'`, '@nonce'],
      imgSrc: [`'self'`, 'data:', 'blob:'],
      fontSrc: [`'self'`],
      connectSrc: [`'self'`],
      objectSrc: [`'none'`],
      baseUri: [`'none'`],
      frameAncestors: [`'none'`],
      // Chromium applies form-action to the redirect a form's POST answers with: booking and
      // "pay the balance" POST to Loupe, which redirects to Stripe's hosted Checkout (or, for
      // the demo card and tests, the local Stripe server on this machine).
      formAction: [`'self'`, 'https://checkout.stripe.com', ...(app.inProduction ? [] : ['http://127.0.0.1:*', 'http://localhost:*'])],
    },
    reportOnly: false,
  },
  csrf: {
    enabled: true,
    // "Add to cart" sits on public pages that caches share (one copy, no session, so no
    // per-visitor token); a cross-site post can't carry the SameSite=Lax cart cookie anyway.
    exceptRoutes: (ctx) =>
      ctx.request.url().startsWith('/webhooks/') ||
      ctx.request.url() === '/health' ||
      (ctx.request.url() === '/cart/items' && ctx.request.method() === 'POST') ||
      // "Open your gallery" sits on the cached home page too. A forged post can only make a
      // browser remember a code its sender already knows (the gallery still asks for an
      // email next); guessing stays rate-limited per IP as on /g.
      (ctx.request.url() === '/g' && ctx.request.method() === 'POST'),
    enableXsrfCookie: false,
    methods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  },
  xFrame: {
    enabled: true,
    action: 'DENY',
  },
  hsts: {
    enabled: app.inProduction,
    maxAge: '365 days',
    includeSubDomains: true,
  },
  contentTypeSniffing: {
    enabled: true,
  },
})

export default shieldConfig
