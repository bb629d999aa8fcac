import { DateTime } from 'luxon'
import router from '@adonisjs/core/services/router'
import type { HttpContext } from '@adonisjs/core/http'
import BookingDraft from '#models/booking_draft'
import ClaimBookingDraft from '#actions/booking/claim_booking_draft'
import { isUuid, notFound } from '#services/http/route_ids'

const KEY = 'booking_drafts'

/** A guest's drafts are theirs through the HTTP session (the last few kept). */
export function rememberDraft(ctx: HttpContext, draft: BookingDraft) {
  const ids: string[] = ctx.session.get(KEY, [])
  ctx.session.put(KEY, [...ids.filter((id) => id !== draft.id), draft.id].slice(-5))
}

/**
 * The draft in the URL, when it is this visitor's: a family's own, or a guest's started
 * in this browser. Anything else (someone else's, expired, booked already) is a 404.
 */
export async function findDraft(ctx: HttpContext, options: { allowBooked?: boolean } = {}) {
  const id = ctx.params.draft_id
  if (!isUuid(id)) notFound(BookingDraft)
  const draft = await BookingDraft.find(id)
  if (!draft || draft.expiresAt < DateTime.now()) notFound(BookingDraft)
  const user = ctx.auth.user
  const guestsOwn = draft.userId === null && (ctx.session.get(KEY, []) as string[]).includes(draft.id)
  const familysOwn = draft.userId !== null && draft.userId === user?.id
  if (!guestsOwn && !familysOwn) notFound(BookingDraft)
  if (draft.photoSessionId && !options.allowBooked) notFound(BookingDraft)
  // Started as a guest, then signed in elsewhere (the login page): the draft becomes theirs.
  if (guestsOwn && user?.role === 'customer') return ClaimBookingDraft.handle(draft, user)
  return draft
}

export type BookingStep = 'package' | 'children' | 'time' | 'notes' | 'payment' | 'review'

const ORDER: BookingStep[] = ['package', 'children', 'time', 'notes', 'payment', 'review']
const LABELS: Record<BookingStep, string> = {
  package: 'Package',
  children: 'Children',
  time: 'Date & time',
  notes: 'Notes',
  payment: 'Payment',
  review: 'Review',
}
const ROUTES: Record<Exclude<BookingStep, 'package'>, string> = {
  children: 'booking_children.edit',
  time: 'booking_times.edit',
  notes: 'booking_notes.edit',
  payment: 'booking_payments.edit',
  review: 'booking_drafts.show',
}

export function stepUrl(draft: BookingDraft, step: Exclude<BookingStep, 'package'>) {
  return router.makeUrl(ROUTES[step], { draft_id: draft.id })
}

/** The progress bar: steps up to the first unfinished one are links. */
export function stepsOf(draft: BookingDraft) {
  const reachable = ORDER.indexOf(draft.nextStep === 'notes' ? 'payment' : draft.nextStep)
  return ORDER.map((key, index) => ({
    key,
    label: LABELS[key],
    href:
      key === 'package'
        ? router.makeUrl('booking_drafts.create', {}, { qs: { package: draft.packageId } })
        : index <= reachable
          ? stepUrl(draft, key)
          : null,
  }))
}
