import { column, hasMany, scope } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import Contract from '#models/contract'
import { booleanColumn } from '#models/concerns/boolean_column'

const MERGE_FIELD = /\{\{\s*([a-z_]+(?:\.[a-z_]+)*)\s*\}\}/g

export type MergeValues = Record<string, string | number | null | undefined>

/** Contract text with merge fields such as {{client.name}} and {{session.date}}. */
export default class ContractTemplate extends AppModel {
  @column()
  declare name: string

  @column()
  declare body: string

  @booleanColumn()
  declare active: boolean

  @hasMany(() => Contract, { foreignKey: 'templateId' })
  declare contracts: HasMany<typeof Contract>

  static active = scope((query) => {
    query.where('active', true)
  })

  /** The distinct merge fields the body uses, in order of first appearance. */
  get mergeFields() {
    return [...new Set([...this.body.matchAll(MERGE_FIELD)].map((match) => match[1]))]
  }

  /** The body with every merge field replaced; unknown fields are left visible for review. */
  render(values: MergeValues) {
    return this.body.replace(MERGE_FIELD, (whole, field: string) => {
      const value = values[field]
      return value === null || value === undefined ? whole : String(value)
    })
  }
}
