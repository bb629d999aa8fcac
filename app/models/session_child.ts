import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import PhotoSession from '#models/photo_session'
import Child from '#models/child'
import { booleanColumn } from '#models/concerns/boolean_column'

/** A child taking part in a photo session, with their styling requests. */
export default class SessionChild extends AppModel {
  @column()
  declare photoSessionId: string

  @column()
  declare childId: string

  @booleanColumn()
  declare primaryChild: boolean

  @column()
  declare stylingRequests: string | null

  @booleanColumn()
  declare completedStyling: boolean

  @belongsTo(() => PhotoSession)
  declare photoSession: BelongsTo<typeof PhotoSession>

  @belongsTo(() => Child)
  declare child: BelongsTo<typeof Child>
}
