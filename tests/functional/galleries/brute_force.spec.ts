import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import EmailLog from '#models/email_log'
import type Gallery from '#models/gallery'
import GalleryVisitor from '#models/gallery_visitor'
import GalleryEmailProof from '#models/gallery_email_proof'
import AdmitGalleryVisitor from '#actions/galleries/admit_gallery_visitor'
import { galleryAccessBlockedFor, recordFailedGalleryAccess } from '#actions/galleries/gallery_access_limits'
import { actors } from '#support/actor'
import { resetRateLimits } from '#tests/support/throttle'
import { lastDeliveredTo, lastEmailTo } from '#tests/support/mail'
import { createFamilyGallery, createVisitor, visitorTokenFrom } from '#tests/support/family_gallery'
import { visitorCookieName } from '#controllers/site/gallery_access'

const path = (gallery: Gallery) => `/g/${gallery.slug}`
const ATTACKERS = ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4', '203.0.113.5']

/** Five networks, each at its own limit of 20 wrong answers: 100 against one gallery. */
async function exhaustGalleryLimit(gallery: Gallery) {
  for (const ip of ATTACKERS) for (let guess = 0; guess < 20; guess++) await recordFailedGalleryAccess(ip, gallery.id)
}

function codeIn(log: { subject: string; text: string | null }) {
  const code = (log.text ?? '').match(/^\s*(\d{6})\s*$/m)?.[1]
  if (!code) throw new Error(`No 6-digit code in "${log.subject}"`)
  return code
}

test.group('Gallery access: brute force slows attackers, never locks the family out', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRateLimits())

  test('5 IPs exhaust the gallery limit: the family still gets in, with a code emailed to it', async ({ client, assert }) => {
    const { gallery, family } = await createFamilyGallery({ password: 'blue-lagoon-7' })
    const grandma = await createVisitor(gallery, 'grandma@example.com')
    await exhaustGalleryLimit(gallery)

    // The attackers' networks are blocked, even with the right answers.
    const attacker = await AdmitGalleryVisitor.handle(actors.anonymous({ ip: ATTACKERS[0] }), gallery, {
      email: 'mallory@example.com',
      code: gallery.accessCode,
      password: 'blue-lagoon-7',
      codeKnown: false,
    })
    assert.equal(attacker.ok ? 'admitted' : attacker.reason, 'throttled')

    // Browsers already inside, and the signed-in family, are not affected.
    ;(await client.get(path(gallery)).withEncryptedCookie(...grandma.cookie)).assertTextIncludes('photo-grid')
    ;(await client.get(path(gallery)).loginAs(family)).assertTextIncludes('photo-grid')

    // The family on a new phone: the right answers, then the code sent to its inbox.
    const entered = await client
      .post(`${path(gallery)}/visitors`)
      .form({ code: gallery.accessCode, email: family.email!, password: 'blue-lagoon-7' })
      .withCsrfToken()
      .redirects(0)
    entered.assertStatus(303)
    assert.isUndefined(visitorTokenFrom(entered, gallery), 'not in yet')
    const asked = await client.get(path(gallery)).withSession(entered.session())
    asked.assertTextIncludes('We emailed a 6-digit code to')
    // The stored copy masks the code; the family's inbox has it.
    assert.notMatch((await lastEmailTo(family.email!)).text ?? '', /^\s*\d{6}\s*$/m)
    const code = codeIn(lastDeliveredTo(family.email!))

    const inside = await client
      .post(`${path(gallery)}/entry-code`)
      .form({ entryCode: `${code.slice(0, 3)} ${code.slice(3)}` })
      .withSession(entered.session())
      .withCsrfToken()
      .redirects(0)
    inside.assertStatus(303)
    const token = visitorTokenFrom(inside, gallery)
    assert.isString(token)
    ;(await client.get(path(gallery)).withEncryptedCookie(visitorCookieName(gallery), token!)).assertTextIncludes('photo-grid')

    // The code worked once.
    const replay = await client.post(`${path(gallery)}/entry-code`).form({ entryCode: code }).withSession(entered.session()).withCsrfToken().redirects(0)
    assert.isUndefined(visitorTokenFrom(replay, gallery))
  })

  test('while guarded, the right code with an email the gallery does not know lets nobody in and emails nobody', async ({ client, assert }) => {
    const { gallery } = await createFamilyGallery()
    await exhaustGalleryLimit(gallery)
    const mails = await EmailLog.query().count('* as total').first()
    const response = await client
      .post(`${path(gallery)}/visitors`)
      .form({ code: gallery.accessCode, email: 'stranger@example.com' })
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(303)
    response.assertValidationError('email', 'After many wrong attempts by others, only the family and people who visited before can enter for now: use that email, or try again in an hour.')
    assert.isUndefined(visitorTokenFrom(response, gallery))
    assert.lengthOf(await GalleryVisitor.query().where('galleryId', gallery.id).where('email', 'stranger@example.com'), 0)
    assert.equal(Number((await EmailLog.query().count('* as total').first())!.$extras.total), Number(mails!.$extras.total))
  })

  test('a visitor from before the attack gets a code too; a wrong code is refused and counted', async ({ client, assert }) => {
    const { gallery } = await createFamilyGallery()
    await createVisitor(gallery, 'uncle@example.com')
    await exhaustGalleryLimit(gallery)
    const entered = await client.post(`${path(gallery)}/visitors`).form({ code: gallery.accessCode, email: 'uncle@example.com' }).withCsrfToken().redirects(0)
    const code = codeIn(lastDeliveredTo('uncle@example.com'))
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
    const refused = await client.post(`${path(gallery)}/entry-code`).form({ entryCode: wrong }).withSession(entered.session()).withCsrfToken().redirects(0)
    refused.assertValidationError('entryCode', 'That is not the code we emailed. Check it and try again.')
    assert.isUndefined(visitorTokenFrom(refused, gallery))
    assert.equal((await GalleryEmailProof.query().where('galleryId', gallery.id).firstOrFail()).attempts, 1)
    const right = await client.post(`${path(gallery)}/entry-code`).form({ entryCode: code }).withSession(entered.session()).withCsrfToken().redirects(0)
    assert.isString(visitorTokenFrom(right, gallery))
  })

  test('one IP gets 3 free tries on a gallery, then waits longer after each wrong one; other networks are not slowed', async ({ client, assert }) => {
    const { gallery } = await createFamilyGallery({ password: 'blue-lagoon-7' })
    const attempt = (password: string) =>
      client.post(`${path(gallery)}/visitors`).form({ code: gallery.accessCode, email: 'guess@example.com', password }).withCsrfToken().redirects(0)
    for (let guess = 0; guess < 4; guess++) (await attempt(`wrong-guess-${guess}`)).assertStatus(303)

    const slowed = await attempt('blue-lagoon-7')
    slowed.assertStatus(429)
    slowed.assertTextIncludes('Too many wrong attempts. Try again in 2 seconds.')
    assert.equal(slowed.header('retry-after'), '2')
    assert.lengthOf(await GalleryVisitor.query().where('galleryId', gallery.id), 0)

    // Each further failure doubles the wait: 4 s, then 8 s.
    await recordFailedGalleryAccess('127.0.0.1', gallery.id)
    assert.closeTo(await galleryAccessBlockedFor('127.0.0.1', gallery.id), 4, 1)
    await recordFailedGalleryAccess('127.0.0.1', gallery.id)
    assert.closeTo(await galleryAccessBlockedFor('127.0.0.1', gallery.id), 8, 1)

    const elsewhere = await AdmitGalleryVisitor.handle(actors.anonymous({ ip: '198.51.100.7' }), gallery, {
      email: 'mum@example.com',
      code: gallery.accessCode,
      password: 'blue-lagoon-7',
      codeKnown: false,
    })
    assert.isTrue(elsewhere.ok)
  })
})
