import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import OneTimeCode from '#models/one_time_code'
import { UserFactory } from '#database/factories/user_factory'
import { GalleryFactory } from '#database/factories/gallery_factory'
import { PhotoSessionFactory } from '#database/factories/photo_session_factory'
import { lastDeliveredTo, lastEmailTo, linkIn } from '#tests/support/mail'
import { resetRateLimits } from '#tests/support/throttle'

async function familyDraft(slug: string) {
  const family = await UserFactory.merge({ firstName: 'Mira' }).create()
  const session = await PhotoSessionFactory.apply('completed').merge({ userId: family.id }).create()
  const gallery = await GalleryFactory.merge({ photoSessionId: session.id, slug, accessCode: 'HOMEX2345' }).create()
  return { family, gallery }
}

test.group('Finding the way into a gallery', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRateLimits())

  test('the home page and the site header offer "Open your gallery", and the home form opens it by its code', async ({ client, assert }) => {
    const gallery = await GalleryFactory.apply('published').merge({ accessCode: 'ROCKS2345' }).create()
    // Do Not Track: no analytics event queued past the end of the test.
    const home = await client.get('/').header('dnt', '1')
    home.assertStatus(200)
    assert.match(home.text(), /<a href="\/g"[^>]*>Open your gallery<\/a>/, 'in the header')
    assert.match(home.text(), /<form method="POST" action="\/g"[^>]*>[\s\S]*name="code"[\s\S]*Open your gallery/, 'on the page')
    assert.notInclude(home.text(), 'name="_csrf"', 'the cached home page holds no per-visitor token')

    // Posted from the cached page: no CSRF token, no session yet.
    const opened = await client.post('/g').form({ code: 'rocks-2345' }).redirects(0)
    opened.assertStatus(303)
    opened.assertHeader('location', `/g/${gallery.slug}`)
    const wrong = await client.post('/g').form({ code: 'NOPE-0000' }).redirects(0)
    wrong.assertHeader('location', '/g')
  })

  test('the publish email signs the family in once, straight into the gallery; the log keeps the link masked', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { family, gallery } = await familyDraft('mira-rocks')
    await client.post(`/admin/galleries/${gallery.id}/publication`).form({ notify: 'true' }).loginAs(admin).withCsrfToken()

    const received = lastDeliveredTo(family.email!)
    const link = linkIn(received, '/login/links/')
    assert.match(link, /^\/login\/links\/[\w-]{43}\?next=%2Fg%2Fmira-rocks$/)
    const token = link.split('/').pop()!.split('?')[0]
    assert.include(received.text!, 'HOMEX2345', 'the code is still there for later or another device')
    const logged = await lastEmailTo(family.email!)
    assert.notInclude(logged.text!, token)
    assert.notInclude(logged.html!, token)

    const row = await OneTimeCode.query().where('userId', family.id).firstOrFail()
    assert.notEqual(row.codeHash, token, 'only a digest is stored')
    assert.closeTo(row.expiresAt.diffNow('hours').hours, 48, 0.1)

    const page = await client.get(link)
    page.assertStatus(200)
    page.assertTextIncludes('Sign in and open the gallery')
    const signedIn = await client.post(`/login/links/${token}/session`).form({ next: '/g/mira-rocks' }).withCsrfToken().redirects(0)
    signedIn.assertStatus(303)
    signedIn.assertHeader('location', '/g/mira-rocks')
    const galleryPage = await client.get('/g/mira-rocks').withSession(signedIn.session())
    galleryPage.assertStatus(200)
    // The family, signed in: the grid with its own "Who visited" link, not the entry gate.
    galleryPage.assertTextIncludes('Who visited')

    const reused = await client.post(`/login/links/${token}/session`).form({ next: '/g/mira-rocks' }).withCsrfToken().redirects(0)
    reused.assertHeader('location', '/g/mira-rocks')
    reused.assertFlashMessage('error', 'This sign-in link has expired or was already used: enter the access code from the same email, or sign in.')
  })

  test('a sign-in link only ever sends on to a gallery page, never elsewhere', async ({ client }) => {
    const { family } = await familyDraft('mira-safe')
    const { issueSignInLink } = await import('#services/auth/sign_in_links')
    const token = await issueSignInLink(family as any)
    const page = await client.get(`/login/links/${token}`).qs({ next: 'https://evil.test/g/x' })
    page.assertTextIncludes('Sign me in')
    const signedIn = await client.post(`/login/links/${token}/session`).form({ next: '//evil.test' }).withCsrfToken().redirects(0)
    signedIn.assertHeader('location', '/portal')
  })
})
