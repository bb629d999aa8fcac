import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Page from '#models/page'
import { PageFactory } from '#database/factories/page_factory'

test.group('Page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a draft page that reloads', async ({ assert }) => {
    const page = await PageFactory.create()
    const reloaded = await Page.findOrFail(page.id)
    assert.equal(reloaded.status, 'draft')
    assert.match(reloaded.body, /^# /)
  })

  test('a draft page can be published and taken down again', async ({ assert }) => {
    const page = await PageFactory.create()
    await page.publish()
    const ids = (await Page.query().withScopes((s) => s.published())).map((p) => p.id)
    assert.deepEqual(ids, [page.id])
    await page.unpublish()
    assert.equal((await Page.findOrFail(page.id)).status, 'draft')
  })

  test('a published page cannot be published twice', async ({ assert }) => {
    const page = await PageFactory.apply('published').create()
    assert.throws(() => page.publish(), /cannot go from published to published/)
  })

  test('a draft page cannot be unpublished', async ({ assert }) => {
    const page = await PageFactory.create()
    assert.throws(() => page.unpublish(), /cannot go from draft to draft/)
  })

  test('two pages cannot share a slug', async ({ assert }) => {
    const page = await PageFactory.create()
    await assert.rejects(() => PageFactory.merge({ slug: page.slug }).create())
  })

  test('the status must be draft or published', async ({ assert }) => {
    await assert.rejects(() => PageFactory.merge({ status: 'hidden' as any }).create())
  })
})
