import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { AuthorizationResponse } from '@adonisjs/bouncer'
import Gallery from '#models/gallery'
import GalleryVisitor from '#models/gallery_visitor'
import GalleryPolicy from '#policies/gallery_policy'
import { UserFactory } from '#database/factories/user_factory'
import { GalleryFactory } from '#database/factories/gallery_factory'
import { PhotoSessionFactory } from '#database/factories/photo_session_factory'

const policy = new GalleryPolicy()

/** true, or the status of the denial (403 by default, 404 where the gallery must stay unknown). */
function outcome(response: boolean | AuthorizationResponse) {
  if (response === true) return true
  if (response === false) return 403
  return response.authorized ? true : (response.status ?? 403)
}

/** A live gallery of a family's photo session shot by a photographer, found as routes find it. */
async function galleryScene(state: 'published' | 'draft' | 'expired' = 'published', merge: Partial<Gallery> = {}) {
  const [family, photographer, otherPhotographer, staff, admin, stranger] = await Promise.all([
    UserFactory.create(),
    UserFactory.apply('photographer').create(),
    UserFactory.apply('photographer').create(),
    UserFactory.apply('staff').create(),
    UserFactory.apply('admin').create(),
    UserFactory.create(),
  ])
  const session = await PhotoSessionFactory.merge({ userId: family.id, photographerId: photographer.id }).create()
  const builder = GalleryFactory.merge({ photoSessionId: session.id, ...merge })
  const created = await (state === 'draft' ? builder : builder.apply(state)).create()
  const gallery = (await Gallery.findBySlug(created.slug))!
  const admitted = await GalleryVisitor.forEmail(gallery, 'grandma@example.com')
  const token = await admitted.issuePass(gallery)
  const visitor = (await GalleryVisitor.findByPass(gallery, token))!
  return { gallery, family, photographer, otherPhotographer, staff, admin, stranger, visitor }
}

test.group('GalleryPolicy: the studio side', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('admins and the photographer of its session manage a gallery; other photographers, staff and families do not', async ({ assert }) => {
    const { gallery, family, photographer, otherPhotographer, staff, admin } = await galleryScene()
    assert.isTrue(await policy.manage(admin, gallery))
    assert.isTrue(await policy.manage(photographer, gallery))
    for (const user of [otherPhotographer, staff, family]) assert.isFalse(await policy.manage(user, gallery), user.role)
  })

  test('a standalone gallery is managed by admins alone', async ({ assert }) => {
    const gallery = await GalleryFactory.create()
    assert.isTrue(await policy.manage(await UserFactory.apply('admin').create(), gallery))
    assert.isFalse(await policy.manage(await UserFactory.apply('photographer').create(), gallery))
  })

  test('photographers create galleries for their own photo sessions only; admins for any or none', async ({ assert }) => {
    const { photographer, otherPhotographer, admin, staff } = await galleryScene()
    const own = { photographerId: photographer.id }
    assert.isTrue(outcome(policy.create(admin, null)) === true)
    assert.isTrue(outcome(policy.create(admin, own)) === true)
    assert.isTrue(outcome(policy.create(photographer, own)) === true)
    assert.equal(outcome(policy.create(otherPhotographer, own)), 403)
    assert.equal(outcome(policy.create(photographer, null)), 403)
    assert.equal(outcome(policy.create(staff, own)), 403)
  })

  test('staff, admins and its photographer preview it and read its access log; the family reads the log too', async ({ assert }) => {
    const { gallery, family, photographer, otherPhotographer, staff, admin, stranger } = await galleryScene()
    for (const user of [admin, staff, photographer]) {
      assert.isTrue(await policy.viewAsStudio(user, gallery), user.role)
      assert.isTrue(await policy.viewAccessLog(user, gallery), user.role)
    }
    assert.isFalse(await policy.viewAsStudio(otherPhotographer, gallery))
    assert.isFalse(await policy.viewAsStudio(family, gallery))
    assert.isTrue(await policy.viewAccessLog(family, gallery))
    assert.isFalse(await policy.viewAccessLog(stranger, gallery))
    assert.isFalse(await policy.viewAccessLog(otherPhotographer, gallery))
  })
})

test.group('GalleryPolicy: the family side', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a live gallery shows its photos to the studio, the family and admitted visitors, to nobody else', async ({ assert }) => {
    const { gallery, family, photographer, staff, stranger, otherPhotographer, visitor } = await galleryScene()
    for (const [user, who] of [[photographer, null], [staff, null], [family, null], [null, visitor]] as const) {
      assert.isTrue(await policy.view(user, gallery, who), user?.role ?? 'visitor')
    }
    assert.isFalse(await policy.view(stranger, gallery, null))
    assert.isFalse(await policy.view(otherPhotographer, gallery, null))
    assert.isFalse(await policy.view(null, gallery, null))
  })

  test('a visitor’s pass ends with the access version it was issued under', async ({ assert }) => {
    const { gallery, visitor } = await galleryScene()
    gallery.accessCode = 'CHANGED234'
    await gallery.save()
    assert.isFalse(await policy.view(null, gallery, visitor))
  })

  test('a pass to another gallery opens nothing here', async ({ assert }) => {
    const { visitor } = await galleryScene()
    const { gallery } = await galleryScene()
    assert.isFalse(await policy.view(null, gallery, visitor))
  })

  test('drafts are revealed to the studio only; expired galleries show photos to the studio only', async ({ assert }) => {
    const draft = await galleryScene('draft')
    assert.isTrue(await policy.reveal(draft.staff, draft.gallery))
    assert.equal(outcome(await policy.reveal(draft.family, draft.gallery)), 404)
    assert.equal(outcome(await policy.reveal(null, draft.gallery)), 404)

    const expired = await galleryScene('expired')
    assert.isTrue(await policy.reveal(null, expired.gallery))
    assert.isTrue(await policy.view(expired.admin, expired.gallery, null))
    assert.isFalse(await policy.view(expired.family, expired.gallery, null))
    assert.isFalse(await policy.view(null, expired.gallery, expired.visitor))
  })

  test('hearts: visitors and the family, not the read-only studio preview', async ({ assert }) => {
    const { gallery, family, staff, stranger, visitor } = await galleryScene()
    assert.isTrue(outcome(await policy.favorite(null, gallery, visitor)) === true)
    assert.isTrue(outcome(await policy.favorite(family, gallery, null)) === true)
    assert.equal(outcome(await policy.favorite(staff, gallery, null)), 403)
    assert.equal(outcome(await policy.favorite(stranger, gallery, null)), 404)
  })

  test('the selection: the signed-in family submits; a visitor with the family’s email only asks for a link', async ({ assert }) => {
    const { gallery, family, staff, visitor } = await galleryScene()
    assert.isTrue(outcome(await policy.submitSelection(family, gallery, null)) === true)
    assert.equal(outcome(await policy.submitSelection(null, gallery, visitor)), 403)
    assert.equal(outcome(await policy.submitSelection(staff, gallery, null)), 403)

    const typed = await GalleryVisitor.forEmail(gallery, family.email!)
    const asFamily = (await GalleryVisitor.findByPass(gallery, await typed.issuePass(gallery)))!
    assert.equal(outcome(await policy.submitSelection(null, gallery, asFamily)), 403)
    assert.isTrue(await policy.requestSelectionLink(null, gallery, asFamily))
    assert.isFalse(await policy.requestSelectionLink(null, gallery, visitor))
    assert.isFalse(await policy.requestSelectionLink(family, gallery, asFamily))
  })

  test('in a gallery without a family any admitted visitor submits', async ({ assert }) => {
    const gallery = (await Gallery.findBySlug((await GalleryFactory.apply('published').create()).slug))!
    const admitted = await GalleryVisitor.forEmail(gallery, 'guest@example.com')
    const visitor = (await GalleryVisitor.findByPass(gallery, await admitted.issuePass(gallery)))!
    assert.isTrue(outcome(await policy.submitSelection(null, gallery, visitor)) === true)
  })

  test('downloads: on for the family and visitors only while allowed; staff never take originals while off', async ({ assert }) => {
    const on = await galleryScene('published', { downloadEnabled: true })
    assert.isTrue(outcome(await policy.download(null, on.gallery, on.visitor, 'original')) === true)
    assert.isTrue(outcome(await policy.download(on.family, on.gallery, null, 'web')) === true)
    assert.equal(outcome(await policy.download(on.stranger, on.gallery, null, 'web')), 404)

    const off = await galleryScene('published', { downloadEnabled: false })
    assert.equal(outcome(await policy.download(null, off.gallery, off.visitor, 'web')), 403)
    assert.equal(outcome(await policy.download(off.family, off.gallery, null, 'original')), 403)
    assert.equal(outcome(await policy.download(off.staff, off.gallery, null, 'original')), 403)
    assert.isTrue(outcome(await policy.download(off.staff, off.gallery, null, 'web')) === true)
    assert.isTrue(outcome(await policy.download(off.photographer, off.gallery, null, 'original')) === true)
    assert.isTrue(outcome(await policy.download(off.admin, off.gallery, null, 'original')) === true)
    assert.equal(outcome(await policy.download(off.otherPhotographer, off.gallery, null, 'original')), 404)
  })
})

