import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import PhotoSession, { type SessionStatus } from '#models/photo_session'
import User from '#models/user'
import KioskDevice from '#models/kiosk_device'

/** One status change of a photo session: who, from where (desk or kiosk), when. */
export default class SessionEvent extends AppModel {
  @column()
  declare photoSessionId: string

  /** Null for the booking itself. */
  @column()
  declare fromStatus: SessionStatus | null

  @column()
  declare toStatus: SessionStatus

  @column()
  declare actorId: string | null

  @column()
  declare kioskDeviceId: string | null

  @column()
  declare note: string | null

  @belongsTo(() => PhotoSession)
  declare photoSession: BelongsTo<typeof PhotoSession>

  @belongsTo(() => User, { foreignKey: 'actorId' })
  declare actor: BelongsTo<typeof User>

  @belongsTo(() => KioskDevice)
  declare kioskDevice: BelongsTo<typeof KioskDevice>
}
