import { column } from '@adonisjs/lucid/orm'
import AppModel from '#models/app_model'
import type { NumberKind } from '#support/next_number'

/** The last human number handed out per kind and year; written only by nextNumber(). */
export default class NumberSequence extends AppModel {
  @column()
  declare kind: NumberKind

  @column()
  declare year: number

  @column()
  declare lastValue: number
}
