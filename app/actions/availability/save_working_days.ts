import db from '@adonisjs/lucid/services/db'
import PhotographerWorkingDay from '#models/photographer_working_day'
import type User from '#models/user'
import RecordAudit from '#actions/audit/record_audit'
import LoadStudioSchedule from '#actions/booking/load_studio_schedule'
import type { Actor } from '#support/actor'

export interface WorkingDayInput {
  weekday: number
  works?: boolean
  startsAt?: string
  endsAt?: string
}

/** A photographer's week, replaced whole: the ticked days, each with its own hours or the studio's. */
export default class SaveWorkingDays {
  static async handle(actor: Actor, photographer: User, days: WorkingDayInput[]) {
    const worked = days.filter((day) => day.works)
    await db.transaction(async (trx) => {
      await PhotographerWorkingDay.query({ client: trx }).where('user_id', photographer.id).delete()
      for (const day of worked) {
        await PhotographerWorkingDay.create(
          { userId: photographer.id, weekday: day.weekday, startsAt: day.startsAt ?? null, endsAt: day.endsAt ?? null },
          { client: trx }
        )
      }
    })
    LoadStudioSchedule.forget()
    await RecordAudit.handle(actor, {
      action: 'studio.working_days_saved',
      subject: { type: 'user', id: photographer.id },
      details: { days: worked.map((d) => `${d.weekday}${d.startsAt ? ` ${d.startsAt}-${d.endsAt}` : ''}`) },
    })
  }
}
