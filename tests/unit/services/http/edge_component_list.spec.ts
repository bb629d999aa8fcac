import { test } from '@japa/runner'
import fs from 'node:fs'
import { syncBuiltinESMExports } from 'node:module'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Edge } from 'edge.js'
import { cachePartials } from '#services/http/edge_partial_cache'
import { listComponentsOnce } from '#services/http/edge_component_list'

/** A page using a component as a tag, as the gallery page uses @button and @layout.site. */
async function views() {
  const root = await mkdtemp(join(tmpdir(), 'loupe-edge-'))
  await mkdir(join(root, 'components'))
  await writeFile(join(root, 'components', 'badge.edge'), '<b>{{ text }}</b>')
  await writeFile(join(root, 'page.edge'), "@!badge({ text: 'hi' })")
  return root
}

/** Edge the way AdonisJS sets it up: created without options, the cache turned on afterwards. */
function productionEdge(root: string) {
  const edge = Edge.create()
  edge.configure({ cache: true })
  edge.mount(root)
  return edge
}

/** Counts the directory listings made while `work` runs (edge imports readdirSync from node:fs). */
async function countReaddirs(work: () => Promise<unknown>) {
  const readdirSync = fs.readdirSync
  let calls = 0
  fs.readdirSync = ((...args: Parameters<typeof readdirSync>) => {
    calls++
    return readdirSync(...args)
  }) as typeof readdirSync
  syncBuiltinESMExports()
  try {
    await work()
  } finally {
    fs.readdirSync = readdirSync
    syncBuiltinESMExports()
  }
  return calls
}

test.group('Edge component list', () => {
  test('in production a render lists no folders: the components are listed once', async ({ assert, cleanup }) => {
    const root = await views()
    cleanup(() => rm(root, { recursive: true, force: true }))
    const edge = productionEdge(root)
    cachePartials(edge)
    listComponentsOnce(edge)

    assert.equal(await edge.render('page'), '<b>hi</b>')
    const calls = await countReaddirs(async () => {
      assert.equal(await edge.render('page'), '<b>hi</b>')
      assert.equal(await edge.render('page'), '<b>hi</b>')
    })
    assert.equal(calls, 0)
  })

  test('without it every render lists the components folders again (what the patch fixes)', async ({ assert, cleanup }) => {
    const root = await views()
    cleanup(() => rm(root, { recursive: true, force: true }))
    const edge = productionEdge(root)

    await edge.render('page')
    const calls = await countReaddirs(() => edge.render('page'))
    assert.isAbove(calls, 0)
  })

  test('with caching off (development) a new component is found at once', async ({ assert, cleanup }) => {
    const root = await views()
    cleanup(() => rm(root, { recursive: true, force: true }))
    const edge = Edge.create()
    edge.mount(root)
    listComponentsOnce(edge)

    await edge.render('page')
    await writeFile(join(root, 'components', 'chip.edge'), '<i>{{ text }}</i>')
    await writeFile(join(root, 'page.edge'), "@!chip({ text: 'new' })")
    assert.equal(await edge.render('page'), '<i>new</i>')
  })
})
