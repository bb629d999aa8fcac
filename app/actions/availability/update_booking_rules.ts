import StudioSetting from '#models/studio_setting'
import RecordAudit from '#actions/audit/record_audit'
import LoadStudioSchedule from '#actions/booking/load_studio_schedule'
import type { Actor } from '#support/actor'

export interface BookingRulesInput {
  timezone: string
  slotMinutes: number
  bufferBeforeMinutes: number
  bufferAfterMinutes: number
  bookingMinNoticeHours: number
  bookingHorizonDays: number
  maxSessionsPerDay?: number
  cancellationWindowHours: number
  depositPercent: number
  planFinalDueDays: number
  sessionReminderHours: number
}

/** The studio's booking rules; every page and check reads them on the next request. Audited with what changed. */
export default class UpdateBookingRules {
  static async handle(actor: Actor, input: BookingRulesInput) {
    const settings = await StudioSetting.current()
    settings.merge({ ...input, maxSessionsPerDay: input.maxSessionsPerDay ?? null })
    const changed = { ...settings.$dirty }
    await settings.save()
    LoadStudioSchedule.forget()
    await RecordAudit.handle(actor, { action: 'studio.booking_rules_updated', subject: { type: 'studio_settings', id: settings.id }, details: changed })
    return settings
  }
}
