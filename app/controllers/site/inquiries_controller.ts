import type { HttpContext } from '@adonisjs/core/http'
import Page from '#models/page'
import SubmitInquiry from '#actions/site/submit_inquiry'
import { renderMarkdown } from '#services/site/markdown'
import { absoluteUrl } from '#services/site/structured_data'
import { contactFormValidator } from '#validators/inquiry'

/** The contact form: the "contact" page's text above it, a new inquiry below. */
export default class InquiriesController {
  async create({ view }: HttpContext) {
    const page = await Page.query().where('slug', 'contact').where('status', 'published').first()
    return view.render('pages/site/inquiries/create', {
      intro: page ? renderMarkdown(page.body) : null,
      meta: { description: 'Write to Loupe Studio: sessions, prints, gift cards.', canonical: absoluteUrl('inquiries.create') },
    })
  }

  async store({ actor, request, response, session }: HttpContext) {
    const { website, ...input } = await request.validateUsing(contactFormValidator)
    if (!website) await SubmitInquiry.handle(actor, input)
    session.flash('success', 'Thanks: your message is on its way. We sent you a copy.')
    return response.redirect().toRoute('inquiries.create')
  }
}
