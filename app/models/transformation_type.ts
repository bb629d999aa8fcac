import { column, hasMany, scope } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import Transformation from '#models/transformation'
import { booleanColumn } from '#models/concerns/boolean_column'

/** An admin-managed kind of AI transformation ("Rock-star poster") and the prompt it sends. */
export default class TransformationType extends AppModel {
  @column()
  declare name: string

  @column()
  declare description: string | null

  @column()
  declare promptTemplate: string

  @booleanColumn()
  declare enabled: boolean

  @column()
  declare sortOrder: number

  @hasMany(() => Transformation)
  declare transformations: HasMany<typeof Transformation>

  static enabled = scope((query) => {
    query.where('enabled', true).orderBy('sort_order').orderBy('name')
  })

  /** Fills `{{name}}`-style placeholders; unknown ones are left as written. */
  renderPrompt(values: Record<string, string> = {}) {
    return this.promptTemplate.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, key: string) => values[key] ?? match)
  }
}
