/*
| Routes only the benchmarks use, registered when BENCH_ROUTES=true (bench/gallery.ts
| sets it on the server it starts). `/bench/hello` is the bare baseline: the same router
| middleware as every page, then plain text, no query and no template.
*/
import router from '@adonisjs/core/services/router'
import env from '#start/env'

if (env.get('BENCH_ROUTES', false)) {
  router.get('/bench/hello', ({ response }) => response.ok('hello')).as('bench.hello')
}
