import type { HttpContext } from '@adonisjs/core/http'
import type { SubmitSelectionResult } from '#actions/galleries/submit_selection'
import type { RequestSelectionLinkResult } from '#actions/galleries/request_selection_link'
import type { ConfirmSelectionResult } from '#actions/galleries/confirm_selection'

const REFUSALS = {
  empty: 'Tap the heart on the photos you want before submitting your selection.',
  already_submitted: 'This gallery’s selection was already submitted.',
  too_many: 'We already emailed several links this hour: use the newest one, or try again later.',
  no_family: 'Only the family can submit the selection.',
  invalid_link: 'This link has expired or was used already. Submit your selection again from the gallery for a new one.',
} as const

/** "j•••@example.com": enough to recognise one's own address, not to learn someone's. */
export function maskEmail(email: string) {
  const [local, domain] = email.split('@')
  return `${local.slice(0, 1)}•••@${domain}`
}

/** The flash after submitting the selection, asking for its link, or confirming it. */
export function selectionFlash(ctx: HttpContext, result: SubmitSelectionResult | RequestSelectionLinkResult | ConfirmSelectionResult) {
  if (!result.ok) return ctx.session.flash('error', REFUSALS[result.reason])
  if ('email' in result) {
    return ctx.session.flash('success', `To be sure it is the family, we emailed a link to ${maskEmail(result.email)}: open it to submit your selection.`)
  }
  const { count } = result.summary
  ctx.session.flash('success', `Thank you! Your selection of ${count} ${count === 1 ? 'photo' : 'photos'} is sent to the studio.`)
}
