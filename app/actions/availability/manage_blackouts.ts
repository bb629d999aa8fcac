import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import BlackoutDate from '#models/blackout_date'
import RecordAudit from '#actions/audit/record_audit'
import LoadStudioSchedule from '#actions/booking/load_studio_schedule'
import type { Actor } from '#support/actor'

export interface BlackoutInput {
  from: Date
  to?: Date
  photographerId?: string
  reason: string
}

/** Days the studio (or one photographer) takes no bookings; a range becomes one row a day, days already off are kept. */
export default class ManageBlackouts {
  static async add(actor: Actor, input: BlackoutInput) {
    const first = DateTime.fromJSDate(input.from).startOf('day')
    const last = input.to ? DateTime.fromJSDate(input.to).startOf('day') : first
    const days = Math.min(Math.round(last.diff(first, 'days').days), 365)
    const created: BlackoutDate[] = []
    await db.transaction(async (trx) => {
      for (let offset = 0; offset <= days; offset++) {
        const date = first.plus({ days: offset })
        const taken = await BlackoutDate.query({ client: trx })
          .where('date', date.toISODate()!)
          .if(input.photographerId, (q) => q.where('photographer_id', input.photographerId!), (q) => q.whereNull('photographer_id'))
          .first()
        if (!taken) {
          created.push(await BlackoutDate.create({ date, reason: input.reason, photographerId: input.photographerId ?? null }, { client: trx }))
        }
      }
    })
    LoadStudioSchedule.forget()
    await RecordAudit.handle(actor, {
      action: 'studio.blackout_added',
      subject: input.photographerId ? { type: 'user', id: input.photographerId } : null,
      details: { from: first.toISODate(), to: last.toISODate(), reason: input.reason, days: created.length },
    })
    return created
  }

  static async remove(actor: Actor, blackout: BlackoutDate) {
    await blackout.delete()
    LoadStudioSchedule.forget()
    await RecordAudit.handle(actor, {
      action: 'studio.blackout_removed',
      subject: { type: 'blackout_date', id: blackout.id },
      details: { date: blackout.date.toISODate(), reason: blackout.reason },
    })
  }
}
