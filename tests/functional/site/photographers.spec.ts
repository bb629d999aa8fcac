import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { ArtworkFactory } from '#database/factories/artwork_factory'
import { PhotographerProfileFactory } from '#database/factories/photographer_profile_factory'
import { UserFactory } from '#database/factories/user_factory'

test.group('Site: photographer pages', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test("a photographer's page shows their bio and only their published artworks", async ({ client, assert }) => {
    const user = await UserFactory.apply('photographer').create()
    await PhotographerProfileFactory.merge({ userId: user.id, displayName: 'Joan Lens', slug: 'joan-lens', bio: 'Shoots **live** shows.' }).create()
    await ArtworkFactory.merge({ title: 'Her Published Riff', photographerId: user.id }).apply('published').create()
    await ArtworkFactory.merge({ title: 'Her Draft', photographerId: user.id }).create()
    await ArtworkFactory.merge({ title: 'Someone Else', photographerId: (await UserFactory.apply('photographer').create()).id }).apply('published').create()

    const page = await client.get('/photographers/joan-lens')
    page.assertStatus(200)
    page.assertHeader('cache-control', 'public, max-age=300')
    page.assertTextIncludes('Joan Lens')
    assert.include(page.text(), '<strong>live</strong>')
    page.assertTextIncludes('Her Published Riff')
    assert.notInclude(page.text(), 'Her Draft')
    assert.notInclude(page.text(), 'Someone Else')
    ;(await client.get('/photographers/nobody')).assertStatus(404)
  })
})
