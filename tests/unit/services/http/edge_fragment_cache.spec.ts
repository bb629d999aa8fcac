import { test } from '@japa/runner'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Edge } from 'edge.js'
import { renderFragment, renderKeyedFragment } from '#services/http/edge_fragment_cache'

async function edgeWithTile() {
  const root = await mkdtemp(join(tmpdir(), 'loupe-edge-'))
  await writeFile(join(root, 'tile.edge'), '<li>{{ photo.alt }}{{ favorited ? " ♥" : "" }}</li>')
  const edge = Edge.create()
  edge.configure({ cache: true })
  edge.mount(root)
  return { root, edge }
}

test.group('Edge fragment cache', () => {
  test('a fragment is rendered once per owner and key, then reused', async ({ assert, cleanup }) => {
    const { root, edge } = await edgeWithTile()
    cleanup(() => rm(root, { recursive: true, force: true }))
    let renders = 0
    const createRenderer = edge.createRenderer.bind(edge)
    edge.createRenderer = () => {
      renders++
      return createRenderer()
    }
    const photo = { alt: 'Beach <1>' }

    assert.equal(renderFragment(edge, photo, '0', 'tile', { photo, favorited: false }), '<li>Beach &lt;1&gt;</li>')
    assert.equal(renderFragment(edge, photo, '0', 'tile', { photo, favorited: false }), '<li>Beach &lt;1&gt;</li>')
    assert.equal(renderFragment(edge, photo, '1', 'tile', { photo, favorited: true }), '<li>Beach &lt;1&gt; ♥</li>')
    assert.equal(renderFragment(edge, photo, '1', 'tile', { photo, favorited: true }), '<li>Beach &lt;1&gt; ♥</li>')
    assert.equal(renders, 2)

    // A new owner (a new cached list) renders afresh.
    const renamed = { alt: 'Dunes' }
    assert.equal(renderFragment(edge, renamed, '0', 'tile', { photo: renamed, favorited: false }), '<li>Dunes</li>')
    assert.equal(renders, 3)
  })

  test('a keyed fragment is rendered once per key, whatever objects it is given', async ({ assert, cleanup }) => {
    const { root, edge } = await edgeWithTile()
    cleanup(() => rm(root, { recursive: true, force: true }))
    let renders = 0
    const createRenderer = edge.createRenderer.bind(edge)
    edge.createRenderer = () => {
      renders++
      return createRenderer()
    }
    const key = `card|${Date.now()}|${Math.random()}`
    assert.equal(await renderKeyedFragment(edge, `${key}|0`, 'tile', { photo: { alt: 'Rivera' }, favorited: false }), '<li>Rivera</li>')
    // A fresh object with the same key (a board loaded again): the kept HTML.
    assert.equal(await renderKeyedFragment(edge, `${key}|0`, 'tile', { photo: { alt: 'Rivera' }, favorited: false }), '<li>Rivera</li>')
    assert.equal(renders, 1)
    // Whatever the key names changes: rendered again.
    assert.equal(await renderKeyedFragment(edge, `${key}|1`, 'tile', { photo: { alt: 'Rivera' }, favorited: true }), '<li>Rivera ♥</li>')
    assert.equal(renders, 2)
  })
})
