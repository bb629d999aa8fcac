import router from '@adonisjs/core/services/router'
import { appUrl } from '#config/app'

/** The signed link (no sign-in needed) to save a new card for a plan: Stripe Checkout in setup mode. */
export function updateCardUrl(planId: string) {
  return appUrl + router.makeSignedUrl('plan_cards.create', { plan_id: planId }, { expiresIn: '30 days', purpose: 'plan_card' })
}
