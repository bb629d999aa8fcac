import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import { compose } from '@adonisjs/core/helpers'
import router from '@adonisjs/core/services/router'
import { beforeSave, column, computed, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import { withAuthFinder } from '@adonisjs/auth/mixins/lucid'
import { DbRememberMeTokensProvider } from '@adonisjs/auth/session'
import AppModel from '#models/app_model'
import UserToken from '#models/user_token'
import { SoftDeletes } from '#models/concerns/soft_deletes'
import { booleanColumn } from '#models/concerns/boolean_column'

export const ROLES = ['customer', 'staff', 'photographer', 'admin'] as const
export type Role = (typeof ROLES)[number]

const AuthFinder = withAuthFinder(() => hash.use('scrypt'), {
  uids: ['email'],
  passwordColumnName: 'password',
})

const HOME_ROUTES: Record<Role, string> = {
  customer: 'portal.dashboard',
  staff: 'studio.desk',
  photographer: 'photographer.dashboard',
  admin: 'admin.dashboard',
}

export default class User extends compose(AppModel, AuthFinder, SoftDeletes) {
  static rememberMeTokens = DbRememberMeTokensProvider.forModel(User)

  @column()
  declare email: string | null

  @column({ serializeAs: null })
  declare password: string | null

  @column()
  declare firstName: string

  @column()
  declare lastName: string | null

  @column()
  declare phone: string | null

  @column()
  declare role: Role

  @column.dateTime()
  declare emailVerifiedAt: DateTime | null

  @booleanColumn()
  declare marketingConsent: boolean

  @column()
  declare lifecycleStage: 'lead' | 'prospect' | 'booked' | 'active' | 'past' | 'repeat'

  @column()
  declare freeTransformationsUsed: number

  @column({ serializeAs: null })
  declare stripeCustomerId: string | null

  /** Bumped when the password changes: sessions holding an older value end. */
  @column({ serializeAs: null })
  declare sessionEpoch: number

  @column.dateTime()
  declare deactivatedAt: DateTime | null

  @hasMany(() => UserToken)
  declare tokens: HasMany<typeof UserToken>

  @computed()
  get fullName() {
    return [this.firstName, this.lastName].filter(Boolean).join(' ')
  }

  get isActive() {
    return this.deactivatedAt === null && this.deletedAt === null
  }

  hasRole(...roles: Role[]) {
    return roles.includes(this.role)
  }

  /** Emails are compared case-insensitively everywhere: store them lower-cased. */
  @beforeSave()
  static normalizeEmail(user: User) {
    if (user.$dirty.email && user.email) user.email = user.email.trim().toLowerCase()
  }

  homeUrl() {
    return router.makeUrl(HOME_ROUTES[this.role])
  }
}
