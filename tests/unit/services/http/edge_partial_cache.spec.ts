import { test } from '@japa/runner'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Edge } from 'edge.js'
import { cachePartials } from '#services/http/edge_partial_cache'

/** A page that includes a partial inside a loop, as the gallery grid once did. */
async function views() {
  const root = await mkdtemp(join(tmpdir(), 'loupe-edge-'))
  await writeFile(join(root, 'page.edge'), "@each(item in items)\n@include('tile')\n@end\n")
  await writeFile(join(root, 'tile.edge'), '[{{ item }}]')
  return root
}

function edgeOn(root: string, cache: boolean) {
  const edge = new Edge({ cache })
  edge.mount(root)
  return edge
}

test.group('Edge partial cache', () => {
  test('with caching on, a partial included in a loop is compiled once, not at every render', async ({ assert, cleanup }) => {
    const root = await views()
    cleanup(() => rm(root, { recursive: true, force: true }))
    const edge = edgeOn(root, true)
    cachePartials(edge)

    assert.equal(await edge.render('page', { items: [1, 2] }), '[1]\n[2]')
    // A compiled partial is reused: the file is not read again.
    await writeFile(join(root, 'tile.edge'), '<{{ item }}>')
    assert.equal(await edge.render('page', { items: [3] }), '[3]')
  })

  test('without it edge re-reads the partial on every render (what the patch fixes)', async ({ assert, cleanup }) => {
    const root = await views()
    cleanup(() => rm(root, { recursive: true, force: true }))
    const edge = edgeOn(root, true)

    assert.equal(await edge.render('page', { items: [1] }), '[1]')
    await writeFile(join(root, 'tile.edge'), '<{{ item }}>')
    assert.equal(await edge.render('page', { items: [1] }), '<1>')
  })

  test('with caching off (development) edits to partials still show at once', async ({ assert, cleanup }) => {
    const root = await views()
    cleanup(() => rm(root, { recursive: true, force: true }))
    const edge = edgeOn(root, false)
    cachePartials(edge)

    assert.equal(await edge.render('page', { items: [1] }), '[1]')
    await writeFile(join(root, 'tile.edge'), '<{{ item }}>')
    assert.equal(await edge.render('page', { items: [1] }), '<1>')
  })
})
