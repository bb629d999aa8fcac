import BusinessHour from '#models/business_hour'
import RecordAudit from '#actions/audit/record_audit'
import LoadStudioSchedule from '#actions/booking/load_studio_schedule'
import type { Actor } from '#support/actor'

export interface BusinessHourInput {
  weekday: number
  opensAt: string
  closesAt: string
  capacity: number
}

export type SaveBusinessHourResult = { ok: true; hour: BusinessHour } | { ok: false; reason: 'overlaps'; other: BusinessHour }

/** Adds or changes one opening interval; two intervals of a weekday may not overlap. */
export default class SaveBusinessHour {
  static async handle(actor: Actor, input: BusinessHourInput, hour: BusinessHour = new BusinessHour()): Promise<SaveBusinessHourResult> {
    const siblings = await BusinessHour.query().where('weekday', input.weekday).if(hour.$isPersisted, (q) => q.whereNot('id', hour.id))
    const other = siblings.find((s) => s.opensAt < input.closesAt && input.opensAt < s.closesAt)
    if (other) return { ok: false, reason: 'overlaps', other }
    hour.merge(input)
    await hour.save()
    LoadStudioSchedule.forget()
    await RecordAudit.handle(actor, { action: 'studio.hours_saved', subject: { type: 'business_hour', id: hour.id }, details: { ...input } })
    return { ok: true, hour }
  }

  static async destroy(actor: Actor, hour: BusinessHour) {
    await hour.delete()
    LoadStudioSchedule.forget()
    await RecordAudit.handle(actor, {
      action: 'studio.hours_deleted',
      subject: { type: 'business_hour', id: hour.id },
      details: { weekday: hour.weekday, opensAt: hour.opensAt, closesAt: hour.closesAt },
    })
  }
}
