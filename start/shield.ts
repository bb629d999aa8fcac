/*
| Shield's middleware as one instance for the process. @adonisjs/shield binds it anew for
| every request, which rebuilds its guards each time (helmet-csp compiling the policy
| among them: ~5 % of a small request here). The guards keep no request state: the
| nonce, the CSRF secret and token live on the request's context and session.
*/
import app from '@adonisjs/core/services/app'
import edge from 'edge.js'
import ShieldMiddleware from '@adonisjs/shield/shield_middleware'

const encryption = await app.container.make('encryption')
app.container.bindValue(ShieldMiddleware, new ShieldMiddleware(app.config.get('shield', {}), encryption, edge))
