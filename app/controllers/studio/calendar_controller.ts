import type { HttpContext } from '@adonisjs/core/http'
import PhotoSessionPolicy from '#policies/photo_session_policy'
import { calendarViewValidator } from '#validators/photo_session'
import LoadCalendar from '#actions/sessions/load_calendar'

/**
 * The studio calendar: day, week and month, per photographer, coloured by status. A
 * photographer sees their own sessions first (everyone's with "all"); sessions are
 * dragged to move them (public/js/calendar.js).
 */
export default class CalendarController {
  async show({ auth, bouncer, request, view }: HttpContext) {
    await bouncer.with(PhotoSessionPolicy).authorize('manage')
    const query = await calendarViewValidator.validate(request.qs())
    const user = auth.user!
    const photographer = query.photographer ?? (user.role === 'photographer' ? user.id : 'all')
    const data = await LoadCalendar.handle({
      view: query.view ?? 'week',
      date: query.date,
      photographerId: photographer === 'all' ? null : photographer,
    })
    const props = { ...data, photographer, canMove: true }
    if (request.header('hx-request')) return view.render('pages/studio/calendar/_calendar', props)
    return view.render('pages/studio/calendar/show', props)
  }
}
