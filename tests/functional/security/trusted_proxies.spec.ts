import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { createFamilyGallery } from '#tests/support/family_gallery'
import { resetRateLimits } from '#tests/support/throttle'
import { trustProxies } from '#tests/support/proxies'

/*
| Behind the studio's reverse proxy every request comes from the proxy's address: only
| TRUSTED_PROXIES lets X-Forwarded-For name the client, whom the rate limits then count.
*/
test.group('TRUSTED_PROXIES', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRateLimits())

  async function twentyWrongCodesFromTwentyClients(client: any) {
    for (let n = 1; n <= 20; n++) {
      const wrong = await client.post('/g').form({ code: `WRONGCODE${n}` }).header('x-forwarded-for', `203.0.113.${n}`).withCsrfToken().redirects(0)
      wrong.assertStatus(303)
    }
  }

  test('behind a trusted proxy, 20 wrong codes from 20 clients do not lock out the 21st holding the right code', async ({ client, cleanup }) => {
    cleanup(trustProxies('127.0.0.1/8, ::1'))
    const { gallery } = await createFamilyGallery()
    await twentyWrongCodesFromTwentyClients(client)

    const family = await client.post('/g').form({ code: gallery.accessCode }).header('x-forwarded-for', '198.51.100.7').withCsrfToken().redirects(0)
    family.assertStatus(303)
    family.assertHeader('location', `/g/${gallery.slug}`)
  })

  test('behind a trusted proxy, one client sending 20 wrong codes is still stopped', async ({ client, cleanup }) => {
    cleanup(trustProxies('127.0.0.1/8, ::1'))
    const { gallery } = await createFamilyGallery()
    for (let n = 1; n <= 20; n++) {
      await client.post('/g').form({ code: `WRONGCODE${n}` }).header('x-forwarded-for', '203.0.113.9').withCsrfToken().redirects(0)
    }
    const blocked = await client.post('/g').form({ code: gallery.accessCode }).header('x-forwarded-for', '203.0.113.9').withCsrfToken().redirects(0)
    blocked.assertStatus(429)
  })

  test('without trusted proxies X-Forwarded-For is ignored: the socket address is the client', async ({ client }) => {
    const { gallery } = await createFamilyGallery()
    await twentyWrongCodesFromTwentyClients(client)

    const spoofed = await client.post('/g').form({ code: gallery.accessCode }).header('x-forwarded-for', '198.51.100.7').withCsrfToken().redirects(0)
    spoofed.assertStatus(429)
  })
})
