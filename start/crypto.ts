/*
| Two savings every response makes (measured on the gallery page, see README "Gallery
| speed"): random strings (session ids, CSP nonces, CSRF secrets) from a pooled CSPRNG
| (app/support/pooled_random.ts), and signatures of the same string without expiry (the
| session id cookie, re-signed on every response) computed once: such a signature is a
| pure function of its input.
*/
import app from '@adonisjs/core/services/app'
import string from '@adonisjs/core/helpers/string'
import { pooledRandom } from '#support/pooled_random'
import { rememberSignatures } from '#support/remembered_signatures'

string.random.use(pooledRandom)
rememberSignatures(await app.container.make('encryption'))
