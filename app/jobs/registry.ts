import type { JobHandlerLoader } from '#services/jobs/job_handler'

/** Every job name Loupe enqueues, and the class that works it. */
export const jobHandlers = {
  'media.process': () => import('#jobs/process_media_asset'),
  'galleries.remake_watermarks': () => import('#jobs/remake_gallery_watermarks'),
  'auth.password_reset_mail': () => import('#jobs/send_password_reset_mail'),
  'auth.signup_mail': () => import('#jobs/send_signup_mail'),
  'auth.sign_in_link_mail': () => import('#jobs/send_sign_in_link_mail'),
  'billing.installment_receipt_mail': () => import('#jobs/send_installment_receipt_mail'),
} satisfies Record<string, JobHandlerLoader>

export type JobName = keyof typeof jobHandlers
