import { randomUUID } from 'node:crypto'
import { afterDelete, afterSave, BaseModel, beforeCreate, column } from '@adonisjs/lucid/orm'
import { DateTime } from 'luxon'
import { publicPageMemory } from '#support/http/public_page_memory'

/**
 * Every Loupe table has a UUID primary key (ids appear in URLs; sequential ids
 * would leak counts) and timestamps.
 */
export default class AppModel extends BaseModel {
  static selfAssignPrimaryKey = true

  @column({ isPrimary: true })
  declare id: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @beforeCreate()
  static assignId(model: AppModel) {
    model.id ??= randomUUID()
  }

  /** Anonymous visitors' kept public pages may show any row: a change drops them (see publicPageMemory). */
  @afterSave()
  @afterDelete()
  static forgetPublicPages() {
    publicPageMemory.forget()
  }
}
