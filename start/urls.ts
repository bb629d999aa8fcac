/*
| Ace commands and tests build URLs too (emailed links, signed media URLs), but only the
| HTTP server commits the routes when it starts: without this, `node ace galleries:remind`
| fails with "Cannot lookup route". Committed once every preload has run (routes and the
| kernel's router middleware registered); committing twice is a no-op.
*/
import app from '@adonisjs/core/services/app'
import router from '@adonisjs/core/services/router'

app.ready(() => router.commit())
