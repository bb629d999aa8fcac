import { column, scope } from '@adonisjs/lucid/orm'
import AppModel from '#models/app_model'
import { assertTransition } from '#models/concerns/state_machine'

export const PAGE_STATUSES = ['draft', 'published'] as const
export type PageStatus = (typeof PAGE_STATUSES)[number]

const TRANSITIONS: Record<PageStatus, readonly PageStatus[]> = {
  draft: ['published'],
  published: ['draft'],
}

/** A content page (about, FAQ, pricing…) written in Markdown by an admin. */
export default class Page extends AppModel {
  @column()
  declare title: string

  @column()
  declare slug: string

  @column()
  declare body: string

  @column()
  declare status: PageStatus

  @column()
  declare seoTitle: string | null

  @column()
  declare seoDescription: string | null

  static published = scope((query) => {
    query.where('status', 'published')
  })

  publish() {
    assertTransition('Page', this.status, 'published', TRANSITIONS)
    this.status = 'published'
    return this.save()
  }

  unpublish() {
    assertTransition('Page', this.status, 'draft', TRANSITIONS)
    this.status = 'draft'
    return this.save()
  }
}
