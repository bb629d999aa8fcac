import type { HttpContext } from '@adonisjs/core/http'
import type Gallery from '#models/gallery'
import { hasEnteredCode, pendingEntryEmail } from '#controllers/site/gallery_access'
import { describeWait } from '#services/http/describe_wait'
import { studioBranding } from '#services/studio/branding'

/** The locked page, as the entry form needs it: the code field, the email step, or the emailed code. */
export async function lockedPage(ctx: HttpContext, gallery: Gallery, blocked: string | null = null) {
  ctx.view.share({ branding: await studioBranding() })
  return ctx.view.render('pages/site/galleries/locked', {
    gallery,
    codeKnown: hasEnteredCode(ctx, gallery),
    entryEmail: pendingEntryEmail(ctx, gallery),
    blocked,
  })
}

/** 429 with when to try again: the progressive delay or the network's block. */
export function renderThrottled(ctx: HttpContext, gallery: Gallery, seconds: number) {
  ctx.response.header('Retry-After', String(seconds)).status(429)
  return lockedPage(ctx, gallery, `Too many wrong attempts. Try again in ${describeWait(seconds)}.`)
}
