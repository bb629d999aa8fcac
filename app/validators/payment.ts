import vine from '@vinejs/vine'

/** Paying a session's balance online: the form's one-time key, so a double submit pays once. */
export const balancePaymentValidator = vine.compile(vine.object({ idempotencyKey: vine.string().uuid() }))
