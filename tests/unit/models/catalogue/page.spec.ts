import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Page from '#models/page'
import StatusChange from '#models/status_change'
import { PageFactory } from '#database/factories/page_factory'
import { assertViolates } from '#tests/support/violations'

test.group('Page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the factory creates a draft page that reloads', async ({ assert }) => {
    const page = await PageFactory.create()
    const reloaded = await Page.findOrFail(page.id)
    assert.equal(reloaded.status, 'draft')
    assert.match(reloaded.body, /^# /)
  })

  test('a draft page can be published and taken down again, each change in its history', async ({ assert }) => {
    const page = await PageFactory.create()
    assert.isTrue(await page.publish())
    const ids = (await Page.query().withScopes((s) => s.published())).map((p) => p.id)
    assert.deepEqual(ids, [page.id])
    assert.isTrue(await page.unpublish())
    assert.equal((await Page.findOrFail(page.id)).status, 'draft')
    const history = await StatusChange.of('Page', page.id)
    assert.deepEqual(history.map((c) => [c.fromStatus, c.toStatus]), [['draft', 'published'], ['published', 'draft']])
  })

  test('publishing a published page or unpublishing a draft changes nothing', async ({ assert }) => {
    const published = await PageFactory.apply('published').create()
    const draft = await PageFactory.create()
    assert.isFalse(await published.publish())
    assert.isFalse(await draft.unpublish())
    assert.equal((await Page.findOrFail(published.id)).status, 'published')
    assert.equal((await Page.findOrFail(draft.id)).status, 'draft')
    assert.lengthOf(await StatusChange.query().where('subject_type', 'Page'), 0)
  })

  test('two pages cannot share a slug', async () => {
    const page = await PageFactory.create()
    await assertViolates(() => PageFactory.merge({ slug: page.slug }).create(), 'unique')
  })

  test('the status must be draft or published', async () => {
    await assertViolates(() => PageFactory.merge({ status: 'hidden' as any }).create(), 'check')
  })
})
