import type { HttpContext } from '@adonisjs/core/http'
import Child from '#models/child'
import Package from '#models/package'
import type BookingDraft from '#models/booking_draft'
import { bookingChildrenValidator } from '#validators/booking'
import { childValidator } from '#validators/child'
import ChooseBookingChildren from '#actions/booking/choose_booking_children'
import AddBookingChild from '#actions/booking/add_booking_child'
import { findDraft, stepUrl, stepsOf } from '#controllers/site/booking/draft_access'
import { fieldError } from '#services/http/field_error'

/** Step 2: which children take part; a child can be added on the way. */
export default class BookingChildrenController {
  async edit(ctx: HttpContext) {
    const draft = await findDraft(ctx)
    return ctx.view.render('pages/site/booking/children', await page(ctx, draft))
  }

  async update(ctx: HttpContext) {
    const draft = await findDraft(ctx)
    const { childIds } = await ctx.request.validateUsing(bookingChildrenValidator)
    const result = await ChooseBookingChildren.handle(draft, familyId(ctx), childIds)
    if (!result.ok && result.reason === 'too_many') {
      throw fieldError('childIds', `This package is for at most ${result.max} ${result.max === 1 ? 'child' : 'children'}`)
    }
    if (!result.ok) throw fieldError('childIds', 'Choose among your own children')
    return ctx.response.redirect().status(303).toPath(stepUrl(draft, draft.startsAt ? 'notes' : 'time'))
  }

  /** Adds a child (htmx: the list comes back with them ticked). */
  async store(ctx: HttpContext) {
    const draft = await findDraft(ctx)
    const input = await ctx.request.validateUsing(childValidator)
    await AddBookingChild.handle(draft, familyId(ctx), input)
    ctx.session.flash('success', `${input.firstName} is added.`)
    if (ctx.request.header('hx-request')) {
      return ctx.view.render('pages/site/booking/_children', await page(ctx, draft))
    }
    return ctx.response.redirect().status(303).toPath(stepUrl(draft, 'children'))
  }
}

function familyId(ctx: HttpContext) {
  return ctx.auth.user?.role === 'customer' ? ctx.auth.user.id : null
}

async function page(ctx: HttpContext, draft: BookingDraft) {
  const pkg = await Package.findOrFail(draft.packageId)
  const id = familyId(ctx)
  const own = id ? await Child.query().where('parent_id', id).orderBy('birth_date', 'asc').orderBy('first_name') : []
  const children = [
    ...own.map((child) => ({ id: child.id, name: child.fullName, detail: child.birthDate ? `age ${child.ageOn()}` : null })),
    ...draft.details.guestChildren.map((child) => ({ id: child.id, name: `${child.firstName} ${child.lastName}`, detail: 'added now' })),
  ]
  return { draft, pkg, children, selected: draft.details.childIds, steps: stepsOf(draft), actionUrl: stepUrl(draft, 'children') }
}
