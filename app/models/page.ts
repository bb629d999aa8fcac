import { column, scope } from '@adonisjs/lucid/orm'
import AppModel from '#models/app_model'
import { defineStateMachine, transition, type ChangeOptions } from '#models/concerns/state_machine'

export const PAGE_STATUSES = ['draft', 'published'] as const
export type PageStatus = (typeof PAGE_STATUSES)[number]

export const pageStates = defineStateMachine<PageStatus>('Page', {
  draft: ['published'],
  published: ['draft'],
})

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

  publish(options: ChangeOptions = {}) {
    return transition(this, pageStates, 'published', options)
  }

  unpublish(options: ChangeOptions = {}) {
    return transition(this, pageStates, 'draft', options)
  }
}
