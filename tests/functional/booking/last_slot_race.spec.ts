import { test } from '@japa/runner'
import PhotoSession from '#models/photo_session'
import SlotClaim from '#models/slot_claim'
import Payment from '#models/payment'
import EmailLog from '#models/email_log'
import db from '@adonisjs/lucid/services/db'
import { claimSlot } from '#booking/slot_claims'
import { PhotoSessionFactory } from '#database/factories/photo_session_factory'
import { truncateAfterEach } from '#tests/support/truncate'
import { at, bookableStudio, familyWith, readyDraft } from '#tests/support/booking'

const CONTENDERS = 50

test.group('Booking: the last free slot', (group) => {
  // Real connections: each confirmation runs in its own transaction, in parallel on PostgreSQL.
  group.each.teardown(() => truncateAfterEach())

  test('of 50 families confirming the last slot at once, exactly one gets it; the others are told, with the nearest free slots', async ({ client, assert }) => {
    const { pkg, photographers } = await bookableStudio({ photographers: 1, capacity: 1 })
    const startsAt = at(10, '14:00')
    const contenders = []
    for (let index = 0; index < CONTENDERS; index++) {
      const { family, children } = await familyWith(1)
      const draft = await readyDraft(family, pkg, startsAt, { childIds: [children[0].id], paymentOption: 'deposit' })
      contenders.push({ family, draft })
    }

    const responses = await Promise.all(
      contenders.map(({ family, draft }) =>
        client.post(`/book/${draft.id}/confirmation`).form({ total: 40000, dueNow: 10000 }).loginAs(family).withCsrfToken().redirects(0)
      )
    )

    const won = responses.filter((response) => response.status() === 303)
    const lost = responses.filter((response) => response.status() === 409)
    assert.lengthOf(won, 1)
    assert.lengthOf(lost, CONTENDERS - 1)
    for (const response of lost) {
      assert.include(response.text(), 'That time was just taken')
      assert.include(response.text(), at(10, '13:00').toFormat('ccc d LLL, h:mm a'))
      assert.include(response.text(), at(10, '15:00').toFormat('ccc d LLL, h:mm a'))
    }

    const sessions = await PhotoSession.query().where('starts_at', '>=', startsAt.minus({ hours: 1 }).toLocal().toFormat('yyyy-MM-dd HH:mm:ss'))
    assert.lengthOf(sessions, 1)
    assert.equal(sessions[0].photographerId, photographers[0].id)
    assert.equal(won[0].header('location'), `/portal/sessions/${sessions[0].id}`)
    const claims = await SlotClaim.query()
    assert.isAbove(claims.length, 0)
    assert.isTrue(claims.every((claim) => claim.photoSessionId === sessions[0].id))
    assert.lengthOf(await Payment.all(), 1)
    assert.lengthOf(await EmailLog.query().where('template_key', 'emails/session/booked'), 1)
  }).timeout(120_000)

  test('the claims alone refuse a second session in the same cells, whatever the checks before them said', async ({ assert }) => {
    const { photographers } = await bookableStudio({ photographers: 1 })
    const startsAt = at(12, '10:00')
    const sessions = [await PhotoSessionFactory.create(), await PhotoSessionFactory.create()]
    const claim = (sessionId: string, setNumbers: number[]) =>
      db.transaction((trx) =>
        claimSlot(trx, {
          sessionId,
          blockedFrom: startsAt,
          blockedUntil: startsAt.plus({ minutes: 60 }),
          photographerIds: [],
          setNumbers,
          day: null,
        })
      )
    const [first, second] = await Promise.all([claim(sessions[0].id, [1]), claim(sessions[1].id, [1])])
    assert.sameMembers([first.ok, second.ok], [true, false])
    assert.deepEqual([first, second].find((result) => !result.ok), { ok: false, reason: 'full' })

    // A second set takes the overlap; the same photographer cannot be in both.
    const third = await PhotoSessionFactory.create()
    const withPhotographer = (sessionId: string) =>
      db.transaction((trx) =>
        claimSlot(trx, {
          sessionId,
          blockedFrom: startsAt.plus({ minutes: 30 }),
          blockedUntil: startsAt.plus({ minutes: 90 }),
          photographerIds: [photographers[0].id],
          setNumbers: [1, 2],
          day: { date: startsAt.toISODate()!, max: 2 },
        })
      )
    assert.deepEqual(await withPhotographer(third.id), { ok: true, photographerId: photographers[0].id, setNumber: 2 })
    const fourth = await PhotoSessionFactory.create()
    assert.deepEqual(await withPhotographer(fourth.id), { ok: false, reason: 'photographer_busy' })
    assert.lengthOf(await SlotClaim.query().where('photo_session_id', fourth.id), 0)
  })
})
