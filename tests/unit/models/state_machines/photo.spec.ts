import { test } from '@japa/runner'
import Photo from '#models/photo'
import StatusChange from '#models/status_change'
import { PhotoFactory } from '#database/factories/photo_factory'
import { truncateAfterEach } from '#tests/support/truncate'

test.group('Photo editing state machine under concurrency', (group) => {
  group.each.setup(() => truncateAfterEach)

  test('two reviewers send one edited photo back with different notes: one wins, its notes kept', async ({ assert }) => {
    const photo = await PhotoFactory.apply('edited').create()
    const [a, b] = await Promise.all([Photo.findOrFail(photo.id), Photo.findOrFail(photo.id)])
    const results = await Promise.all([a.sendBack('Crop tighter'), b.sendBack('Warmer')])
    assert.equal(results.filter(Boolean).length, 1)
    assert.lengthOf(await StatusChange.of('Photo', photo.id), 1)
    assert.equal((await Photo.findOrFail(photo.id)).editingNotes, results[0] ? 'Crop tighter' : 'Warmer')
  })

  test('two retouchers start one raw photo: one wins', async ({ assert }) => {
    const photo = await PhotoFactory.create()
    const copies = await Promise.all([Photo.findOrFail(photo.id), Photo.findOrFail(photo.id)])
    const results = await Promise.all(copies.map((copy) => copy.startEditing()))
    assert.equal(results.filter(Boolean).length, 1)
    assert.lengthOf(await StatusChange.of('Photo', photo.id), 1)
  })
})
