/*
| Lighthouse on the public pages (home, portfolio, an artwork), the sign-in page and a
| published gallery (its entry page, then its grid as a visitor who gave the code: the
| visitor's cookies go to Lighthouse as an extra Cookie header), production build.
|
| Production build on PostgreSQL (database loupe_bench_lighthouse, dropped and migrated
| afresh), the demo catalogue seeded as in the portfolio bench. Lighthouse 12 (fetched by
| npx, not a dependency of the app) drives Debian's Chromium (CHROMIUM_PATH or
| /usr/bin/chromium) with its default mobile emulation and simulated throttling, --runs
| times per page (median kept). Prints each page's scores and FCP, LCP, CLS, TBT.
| Scores are absolute (Lighthouse's own scale), so there is no bare baseline; run it on a
| quiet machine: total blocking time grows with CPU contention. Flags: --runs 1, --rebuild true.
*/
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseFlags } from './support/cli.js'
import { benchEnv } from './support/app.js'
import { productionBuild, fromBuild, ROOT } from './support/build.js'
import { freePort, startServer, type RunningServer } from './support/server.js'
import { seedPortfolio } from './support/portfolio_seed.js'
import { aceInBuild, recreateDatabase } from './support/pg_database.js'
import { seedLighthouseGallery } from './support/lighthouse_gallery_seed.js'
import { enterGallery } from './support/visitor_cookies.js'

const cleanEnv = { ...process.env }
const flags = parseFlags(process.argv.slice(2), { runs: 1, rebuild: true })
const DATABASE = 'loupe_bench_lighthouse'
const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((path) => path && existsSync(path))
if (!chromium) throw new Error('lighthouse: no Chromium (apt-get install -y chromium, or set CHROMIUM_PATH)')
const pg = { host: process.env.PG_HOST || '127.0.0.1', port: Number(process.env.PG_PORT || 5432), user: 'postgres' }
const env = benchEnv({ DB_CONNECTION: 'pg', PG_HOST: pg.host, PG_PORT: String(pg.port), PG_USER: pg.user, BENCH_ROUTES: 'true' })
env.PG_DB_NAME = DATABASE
env.DB_CONNECTION = 'pg'

console.log(`lighthouse: production build, PostgreSQL ${DATABASE}, ${flags.runs} run(s) a page, Chromium ${chromium}`)
const build = productionBuild({ rebuild: flags.rebuild })
const serverEnv = { ...env, DRIVE_ROOT: fromBuild(resolve(ROOT, env.DRIVE_ROOT)), PORT: String(await freePort(Number(process.env.PORT) || 3490)) }
await recreateDatabase(pg, DATABASE)
aceInBuild(build, cleanEnv, serverEnv, 'migration:run', '--force')
for (const [key, value] of Object.entries(env)) process.env[key] = value
const catalogue = await seedPortfolio()
const gallery = await seedLighthouseGallery()

const pages: Record<string, string> = {
  home: '/',
  portfolio: '/portfolio',
  artwork: `/artworks/${catalogue.artworkSlug}`,
  login: '/login',
  gate: `/g/${gallery.slug}`,
  gallery: `/g/${gallery.slug}`,
}
const out = join(ROOT, 'tmp', 'lighthouse')
mkdirSync(out, { recursive: true })

interface Scores { performance: number; accessibility: number; bestPractices: number; seo: number; fcp: number; lcp: number; cls: number; tbt: number }
let server: RunningServer | null = null
const results: Record<string, Scores> = {}
try {
  server = await startServer(build, serverEnv, '/bench/hello', cleanEnv)
  // Derivatives of the seeded artworks are made by the in-process job worker: wait for them.
  await waitForImages(server.url + pages.artwork)
  const visitor = await enterGallery(server.url, gallery.slug, gallery.accessCode, 'grandma@lighthouse.loupe.test')
  for (const [name, path] of Object.entries(pages)) {
    const runs: Scores[] = []
    const headers = name === 'gallery' ? { Cookie: visitor } : null
    for (let run = 0; run < flags.runs; run++) runs.push(lighthouse(server.url + path, join(out, `${name}-${run}.json`), headers))
    runs.sort((a, b) => a.performance - b.performance)
    results[name] = runs[Math.floor(runs.length / 2)]
    const s = results[name]
    console.log(`  ${name.padEnd(9)} performance ${s.performance}, accessibility ${s.accessibility}, best practices ${s.bestPractices}, SEO ${s.seo}; FCP ${s.fcp} ms, LCP ${s.lcp} ms, CLS ${s.cls}, TBT ${s.tbt} ms`)
  }
} finally {
  if (server) await server.stop()
}
const line = (name: string) => `${name} perf ${results[name].performance} a11y ${results[name].accessibility} cls ${results[name].cls}`
console.log(`  reports: ${out}`)
console.log(`lighthouse: ${Object.keys(pages).map(line).join(', ')}`)

function lighthouse(url: string, output: string, headers: Record<string, string> | null): Scores {
  execFileSync(
    'npx',
    [
      '--yes', 'lighthouse@12', url, '--quiet', '--output=json', `--output-path=${output}`,
      '--only-categories=performance,accessibility,best-practices,seo', '--chrome-flags=--headless=new --no-sandbox',
      ...(headers ? [`--extra-headers=${JSON.stringify(headers)}`] : []),
    ],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...cleanEnv, CHROME_PATH: chromium } }
  )
  const report = JSON.parse(readFileSync(output, 'utf8'))
  const score = (key: string) => Math.round((report.categories[key]?.score ?? 0) * 100)
  const value = (key: string) => report.audits[key]?.numericValue ?? NaN
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    fcp: Math.round(value('first-contentful-paint')),
    lcp: Math.round(value('largest-contentful-paint')),
    cls: Math.round(value('cumulative-layout-shift') * 1000) / 1000,
    tbt: Math.round(value('total-blocking-time')),
  }
}

async function waitForImages(artworkUrl: string) {
  const deadline = Date.now() + 180_000
  while (Date.now() < deadline) {
    const html = await (await fetch(artworkUrl)).text()
    const src = html.match(/\/artwork-images\/[^"'\s]+/)?.[0]
    if (src && (await fetch(new URL(src, artworkUrl))).status === 200) return
    await new Promise((done) => setTimeout(done, 2000))
  }
  console.log('  warning: artwork pictures were still being made after 3 minutes')
}
