import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Category from '#models/category'
import Page from '#models/page'
import { CategoryFactory } from '#database/factories/category_factory'
import { PageFactory } from '#database/factories/page_factory'
import { UserFactory } from '#database/factories/user_factory'

test.group('Admin catalogue: content pages', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the live preview renders Markdown as the site does, raw HTML dropped, and writes nothing', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const preview = await client.post('/admin/page-previews').header('hx-request', 'true').loginAs(admin).withCsrfToken()
      .form({ body: '# Hours\n\nOpen **Tuesday**.\n\n<script>alert(1)</script><img src=x onerror=alert(2)>' })
    preview.assertStatus(200)
    assert.include(preview.text(), '<h1>Hours</h1>')
    assert.include(preview.text(), '<strong>Tuesday</strong>')
    assert.notInclude(preview.text(), '<script')
    assert.notInclude(preview.text(), 'onerror')
    assert.lengthOf(await Page.all(), 0)
  })

  test('a draft page is published from the editor and shows at once; unpublished it is gone', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const created = await client.post('/admin/pages').loginAs(admin).withCsrfToken()
      .form({ title: 'Our Studio', body: 'We shoot *loud* portraits.', status: 'draft' }).redirects(0)
    created.assertStatus(303)
    const page = await Page.findByOrFail('slug', 'our-studio')
    ;(await client.get('/pages/our-studio')).assertStatus(404)

    await client.put(`/admin/pages/${page.id}`).loginAs(admin).withCsrfToken()
      .form({ title: 'Our Studio', slug: 'our-studio', body: 'We shoot *loud* portraits.', status: 'published' }).redirects(0)
    const shown = await client.get('/pages/our-studio')
    shown.assertStatus(200)
    assert.include(shown.text(), '<em>loud</em>')
    const etag = shown.header('etag')!

    await client.put(`/admin/pages/${page.id}`).loginAs(admin).withCsrfToken()
      .form({ title: 'Our Studio', slug: 'our-studio', body: 'We shoot *quiet* portraits too.', status: 'published' }).redirects(0)
    const edited = await client.get('/pages/our-studio').header('if-none-match', etag)
    edited.assertStatus(200)
    assert.include(edited.text(), '<em>quiet</em>')

    await client.put(`/admin/pages/${page.id}`).loginAs(admin).withCsrfToken()
      .form({ title: 'Our Studio', slug: 'our-studio', body: 'x', status: 'draft' }).redirects(0)
    ;(await client.get('/pages/our-studio')).assertStatus(404)
  })

  test('bad input writes nothing: errors on the page, 422 for JSON; only admins edit pages', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    await PageFactory.merge({ slug: 'about', status: 'published' }).create()
    const form = await client.post('/admin/pages').loginAs(admin).withCsrfToken().form({ title: 'About again', slug: 'about', body: '', status: 'draft' }).redirects(0)
    form.assertValidationError('slug', 'Another page already uses this address')
    form.assertValidationError('body', 'Write the page')
    const json = await client.post('/admin/pages').header('accept', 'application/json').loginAs(admin).withCsrfToken().json({ title: 'X', body: 'ok', status: 'live' })
    json.assertStatus(422)
    assert.lengthOf(await Page.all(), 1)
    for (const role of ['photographer', 'staff', 'customer'] as const) {
      const user = await UserFactory.merge({ role }).create()
      ;(await client.get('/admin/pages').loginAs(user)).assertStatus(403)
      ;(await client.post('/admin/page-previews').loginAs(user).withCsrfToken().form({ body: 'x' })).assertStatus(403)
    }
  })
})

test.group('Admin catalogue: categories', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('categories nest under a parent of the same kind, never inside themselves', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const rock = await CategoryFactory.merge({ name: 'Rock', slug: 'rock' }).create()
    const created = await client.post('/admin/categories').loginAs(admin).withCsrfToken()
      .form({ name: 'Punk', kind: 'portfolio', parentId: rock.id, sortOrder: 1 }).redirects(0)
    created.assertStatus(303)
    const punk = await Category.findByOrFail('slug', 'punk')
    assert.equal(punk.parentId, rock.id)

    const loop = await client.put(`/admin/categories/${rock.id}`).loginAs(admin).withCsrfToken()
      .form({ name: 'Rock', slug: 'rock', kind: 'portfolio', parentId: punk.id, sortOrder: 0 }).redirects(0)
    loop.assertValidationError('parentId', 'A category cannot sit inside itself or its own subcategory')
    await rock.refresh()
    assert.isNull(rock.parentId)

    const shop = await CategoryFactory.apply('product').create()
    const mixed = await client.post('/admin/categories').header('accept', 'application/json').loginAs(admin).withCsrfToken()
      .json({ name: 'Odd', kind: 'portfolio', parentId: shop.id, sortOrder: 0 })
    mixed.assertStatus(422)
    assert.isNull(await Category.findBy('slug', 'odd'))

    const list = await client.get('/admin/categories').loginAs(admin)
    list.assertStatus(200)
    assert.isBelow(list.text().indexOf('>Rock<'), list.text().indexOf('>Punk<'))
    ;(await client.get('/admin/categories').loginAs(await UserFactory.apply('photographer').create())).assertStatus(403)
  })
})
