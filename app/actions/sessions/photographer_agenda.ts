import { DateTime } from 'luxon'
import PhotoSession from '#models/photo_session'
import StudioSetting from '#models/studio_setting'

/** A photographer's today and rest of the week, with what to prepare for each session. */
export default class PhotographerAgenda {
  static async handle(photographerId: string, now: DateTime = DateTime.now()) {
    const settings = await StudioSetting.current()
    const today = now.setZone(settings.timezone).startOf('day')
    const weekEnd = today.endOf('week').plus({ milliseconds: 1 })
    const sessions = await PhotoSession.query()
      .where('photographer_id', photographerId)
      .withScopes((scopes) => scopes.holdingSlot())
      .withScopes((scopes) => scopes.startingBetween(today, weekEnd > today.plus({ days: 1 }) ? weekEnd : today.plus({ days: 7 })))
      .preload('package')
      .preload('user')
      .preload('children')
      .preload('sessionChildren')
      .orderBy('starts_at')
    const isToday = (session: PhotoSession) => session.startsAt.setZone(settings.timezone).hasSame(today, 'day')
    return { settings, today: sessions.filter(isToday), week: sessions.filter((s) => !isToday(s)) }
  }
}
