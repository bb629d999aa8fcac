import type { HttpContext } from '@adonisjs/core/http'
import { errors } from '@adonisjs/core'
import Gallery from '#models/gallery'
import GalleryVisitor from '#models/gallery_visitor'
import GalleryVisitorPass from '#models/gallery_visitor_pass'
import GalleryPolicy from '#policies/gallery_policy'
import { studioBranding } from '#services/studio/branding'
import { decryptedCookie } from '#support/http/decrypted_cookies'
import type { GalleryViewer } from '#actions/galleries/gallery_viewer'
import type { ViewerRights } from '#actions/galleries/build_gallery_page'

/*
| Controller-side gallery access: finding the gallery of a `/g/:slug…` URL, reading the
| browser's gallery cookie and remembered codes, and asking GalleryPolicy who is looking.
| The rules themselves are the policy's.
*/

export function notFound(ctx: HttpContext): never {
  throw new errors.E_ROUTE_NOT_FOUND([ctx.request.method(), ctx.request.url()])
}

/** The gallery of `/g/:slug…`, or 404: unknown, deleted, or a draft or archived one for anyone but the studio. */
export async function galleryOf(ctx: HttpContext) {
  // The browser's passes ride along, so the visitor comes with the gallery (see visitorOf).
  const hashes = [...passesOf(ctx).values()].map((token) => GalleryVisitor.hashToken(token))
  const gallery = (await Gallery.findBySlug(ctx.params.slug, hashes)) ?? notFound(ctx)
  await ctx.bouncer.with(GalleryPolicy).authorize('reveal', gallery)
  // Gallery pages wear the studio's look (layout/gallery); kept per process, no query a view.
  ctx.view.share({ branding: await studioBranding() })
  return gallery
}

const COOKIE_PREFIX = 'gv_'

export const visitorCookieName = (gallery: Pick<Gallery, 'id'>) => `${COOKIE_PREFIX}${gallery.id.replace(/-/g, '').slice(0, 16)}`

/** At most this many gallery passes are read from one request's cookies. */
const MAX_PASSES = 20

/** The gallery passes this browser holds (token by cookie name), decrypted once per request. */
const passesRead = new WeakMap<HttpContext, Map<string, string>>()

function passesOf(ctx: HttpContext) {
  let passes = passesRead.get(ctx)
  if (!passes) {
    passes = new Map()
    for (const name of Object.keys(ctx.request.cookiesList())) {
      if (!name.startsWith(COOKIE_PREFIX) || passes.size >= MAX_PASSES) continue
      const token = decryptedCookie(ctx, name)
      if (typeof token === 'string') passes.set(name, token)
    }
    passesRead.set(ctx, passes)
  }
  return passes
}

/** The visitor this browser's gallery cookie names, or null (the policy judges its pass). */
export async function visitorOf(ctx: HttpContext, gallery: Gallery) {
  const token = passesOf(ctx).get(visitorCookieName(gallery))
  if (!token) return null
  const joined = GalleryVisitor.joinedByPass(gallery, token)
  return joined === undefined ? GalleryVisitor.findByPass(gallery, token) : joined
}

/** Who is looking, when GalleryPolicy lets them see the photos; null otherwise. */
export async function viewerOf(ctx: HttpContext, gallery: Gallery): Promise<GalleryViewer | null> {
  const policy = ctx.bouncer.with(GalleryPolicy)
  const visitor = await visitorOf(ctx, gallery)
  if (await policy.denies('view', gallery, visitor)) return null
  const user = ctx.auth.user
  if (user && (await policy.allows('viewAsStudio', gallery))) return { kind: 'studio', user, visitor: null }
  if (user && (await policy.allows('actAsFamily', gallery))) {
    return { kind: 'family', user, visitor: await GalleryVisitor.forEmail(gallery, user.email!, user.id) }
  }
  return { kind: 'visitor', user: null, visitor: visitor! }
}

/** For what is done from inside a gallery: 404 unless its photos are open to this person. */
export async function openGallery(ctx: HttpContext) {
  const gallery = await galleryOf(ctx)
  const viewer = (await viewerOf(ctx, gallery)) ?? notFound(ctx)
  return { gallery, viewer }
}

/** What the page offers this viewer, as GalleryPolicy decides. */
export async function rightsOf(ctx: HttpContext, gallery: Gallery, viewer: GalleryViewer): Promise<ViewerRights> {
  const policy = ctx.bouncer.with(GalleryPolicy)
  const visitor = viewer.visitor
  const downloads = viewer.kind === 'studio' ? gallery.downloadEnabled : await policy.allows('download', gallery, visitor, 'web')
  let submit: ViewerRights['submit'] = null
  if (await policy.allows('submitSelection', gallery, visitor)) submit = 'now'
  else if (await policy.allows('requestSelectionLink', gallery, visitor)) submit = 'by_email'
  return { downloads, submit }
}

/** After an admission: this browser's own pass, kept for 90 days. */
export function keepVisitorIn(ctx: HttpContext, gallery: Gallery, token: string) {
  ctx.response.encryptedCookie(visitorCookieName(gallery), token, { maxAge: '90d', httpOnly: true, sameSite: 'lax', path: '/' })
}

/**
 * Galleries whose code (or share link) this HTTP session gave, with the access version it
 * was right under: the email step no longer asks for it, until the way in changes.
 */
const CODES_KEY = 'gallery_codes'

function rememberedCodes(ctx: HttpContext): Record<string, number> {
  const known: unknown = ctx.session.get(CODES_KEY, {})
  return known && typeof known === 'object' && !Array.isArray(known) ? (known as Record<string, number>) : {}
}

export function rememberCode(ctx: HttpContext, gallery: Gallery) {
  const known = Object.entries(rememberedCodes(ctx)).filter(([id]) => id !== gallery.id)
  ctx.session.put(CODES_KEY, Object.fromEntries([[gallery.id, gallery.accessVersion], ...known.slice(0, 19)]))
}

export function hasEnteredCode(ctx: HttpContext, gallery: Gallery) {
  return rememberedCodes(ctx)[gallery.id] === gallery.accessVersion
}

/** A guarded gallery emailed an entry code to this address: the page asks for it next. */
const ENTRY_EMAILS_KEY = 'gallery_entry_emails'

export function awaitEntryCode(ctx: HttpContext, gallery: Gallery, email: string | null) {
  const pending: Record<string, string> = { ...ctx.session.get(ENTRY_EMAILS_KEY, {}) }
  if (email) pending[gallery.id] = email
  else delete pending[gallery.id]
  ctx.session.put(ENTRY_EMAILS_KEY, pending)
}

export function pendingEntryEmail(ctx: HttpContext, gallery: Gallery): string | null {
  const pending: unknown = ctx.session.get(ENTRY_EMAILS_KEY, {})
  const email = pending && typeof pending === 'object' ? (pending as Record<string, unknown>)[gallery.id] : null
  return typeof email === 'string' ? email : null
}

/** Signing out: every gallery pass this browser holds ends, and its remembered codes go. */
export async function forgetGalleryAccess(ctx: HttpContext) {
  const names = Object.keys(ctx.request.cookiesList()).filter((name) => name.startsWith(COOKIE_PREFIX))
  const hashes: string[] = []
  for (const name of names) {
    const token = ctx.request.encryptedCookie(name)
    if (typeof token === 'string') hashes.push(GalleryVisitor.hashToken(token))
    ctx.response.clearCookie(name)
  }
  if (hashes.length) await GalleryVisitorPass.query().whereIn('tokenHash', hashes).delete()
  ctx.session.forget(CODES_KEY)
  ctx.session.forget(ENTRY_EMAILS_KEY)
}
