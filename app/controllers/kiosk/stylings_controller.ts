import type { HttpContext } from '@adonisjs/core/http'
import MarkStyling from '#actions/kiosk/mark_styling'
import { stylingValidator } from '#validators/kiosk'

/** A child's styling done (or not) on this session. */
export default class StylingsController {
  async store({ params, request, response }: HttpContext) {
    const { done } = await request.validateUsing(stylingValidator)
    if (!(await MarkStyling.handle(params.session_id, params.child_id, done))) return response.notFound('No such child on this session')
    return response.redirect().status(303).toRoute('kiosk.sessions.show', { session_id: params.session_id })
  }
}
