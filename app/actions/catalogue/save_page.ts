import db from '@adonisjs/lucid/services/db'
import Page from '#models/page'
import RecordAudit from '#actions/audit/record_audit'
import { freeSlug } from '#support/slugs'
import type { PageInput } from '#validators/page'
import type { Actor } from '#support/actor'

/** Creates or updates a content page; publishing and unpublishing are state changes with their history row. */
export default class SavePage {
  static async handle(actor: Actor, input: PageInput, page: Page = new Page()) {
    const creating = !page.$isPersisted
    await db.transaction(async (trx) => {
      page.useTransaction(trx)
      page.merge({
        title: input.title,
        slug: input.slug || (creating ? await freeSlug('pages', input.title, trx) : page.slug),
        body: input.body,
        seoTitle: input.seoTitle || null,
        seoDescription: input.seoDescription || null,
      })
      if (creating) page.status = 'draft'
      await page.save()
      if (input.status === 'published' && page.status !== 'published') await page.publish({ actor, client: trx })
      if (input.status === 'draft' && page.status !== 'draft') await page.unpublish({ actor, client: trx })
    })
    await RecordAudit.handle(actor, { action: creating ? 'page.created' : 'page.updated', subject: { type: 'page', id: page.id }, details: { title: page.title, status: page.status } })
    return page
  }
}
