import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import { compose } from '@adonisjs/core/helpers'
import { beforeSave, belongsTo, column, computed, hasMany, hasOne } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany, HasOne } from '@adonisjs/lucid/types/relations'
import { withAuthFinder } from '@adonisjs/auth/mixins/lucid'
import { DbRememberMeTokensProvider } from '@adonisjs/auth/session'
import AppModel from '#models/app_model'
import UserToken from '#models/user_token'
import Child from '#models/child'
import UserPreference from '#models/user_preference'
import OauthIdentity from '#models/oauth_identity'
import PhotographerProfile from '#models/photographer_profile'
import Notification from '#models/notification'
import Conversation from '#models/conversation'
import Contract from '#models/contract'
import Inquiry from '#models/inquiry'
import PhotoSession from '#models/photo_session'
import Payment from '#models/payment'
import PaymentPlan from '#models/payment_plan'
import Invoice from '#models/invoice'
import Payout from '#models/payout'
import PricingTier from '#models/pricing_tier'
import Order from '#models/order'
import Cart from '#models/cart'
import ShippingAddress from '#models/shipping_address'
import Transformation from '#models/transformation'
import Subscription from '#models/subscription'
import CustomOrder from '#models/custom_order'
import ConceptImage from '#models/concept_image'
import Review from '#models/review'
import WishlistItem from '#models/wishlist_item'
import PhotoFavorite from '#models/photo_favorite'
import GalleryVisitor from '#models/gallery_visitor'
import Download from '#models/download'
import Product from '#models/product'
import Artwork from '#models/artwork'
import PhotographerWorkingDay from '#models/photographer_working_day'
import { SoftDeletes } from '#models/concerns/soft_deletes'
import { booleanColumn } from '#models/concerns/boolean_column'

export const ROLES = ['customer', 'staff', 'photographer', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const LIFECYCLE_STAGES = ['lead', 'prospect', 'booked', 'active', 'past', 'repeat'] as const
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number]

const AuthFinder = withAuthFinder(() => hash.use('scrypt'), {
  uids: ['email'],
  passwordColumnName: 'password',
})

export default class User extends compose(AppModel, AuthFinder, SoftDeletes) {
  static rememberMeTokens = DbRememberMeTokensProvider.forModel(User)

  @column()
  declare email: string | null

  @column({ serializeAs: null })
  declare password: string | null

  /** A 4–6 digit PIN for signing in on a paired front-desk tablet (hashed like a password). */
  @column({ serializeAs: null })
  declare kioskPinHash: string | null

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
  declare lifecycleStage: LifecycleStage

  @column()
  declare freeTransformationsUsed: number

  @column({ serializeAs: null })
  declare stripeCustomerId: string | null

  @column()
  declare pricingTierId: string | null

  /** Bumped when the password changes: sessions holding an older value end. */
  @column({ serializeAs: null })
  declare sessionEpoch: number

  @column.dateTime()
  declare deactivatedAt: DateTime | null

  @hasMany(() => UserToken)
  declare tokens: HasMany<typeof UserToken>

  @hasMany(() => Child, { foreignKey: 'parentId' })
  declare children: HasMany<typeof Child>

  @hasOne(() => UserPreference)
  declare preference: HasOne<typeof UserPreference>

  @hasMany(() => OauthIdentity)
  declare oauthIdentities: HasMany<typeof OauthIdentity>

  @hasOne(() => PhotographerProfile)
  declare photographerProfile: HasOne<typeof PhotographerProfile>

  @hasMany(() => Notification)
  declare notifications: HasMany<typeof Notification>

  @hasMany(() => Conversation, { foreignKey: 'customerId' })
  declare conversations: HasMany<typeof Conversation>

  @hasMany(() => Contract)
  declare contracts: HasMany<typeof Contract>

  @hasMany(() => Inquiry)
  declare inquiries: HasMany<typeof Inquiry>

  @hasMany(() => PhotoSession)
  declare photoSessions: HasMany<typeof PhotoSession>

  @hasMany(() => PhotoSession, { foreignKey: 'photographerId' })
  declare photographedSessions: HasMany<typeof PhotoSession>

  @hasMany(() => Payment)
  declare payments: HasMany<typeof Payment>

  @hasMany(() => PaymentPlan)
  declare paymentPlans: HasMany<typeof PaymentPlan>

  @hasMany(() => Invoice)
  declare invoices: HasMany<typeof Invoice>

  @hasMany(() => Payout, { foreignKey: 'photographerId' })
  declare payouts: HasMany<typeof Payout>

  @belongsTo(() => PricingTier)
  declare pricingTier: BelongsTo<typeof PricingTier>

  @hasMany(() => Order)
  declare orders: HasMany<typeof Order>

  @hasOne(() => Cart)
  declare cart: HasOne<typeof Cart>

  @hasMany(() => ShippingAddress)
  declare shippingAddresses: HasMany<typeof ShippingAddress>

  @hasMany(() => Transformation)
  declare transformations: HasMany<typeof Transformation>

  @hasMany(() => Subscription)
  declare subscriptions: HasMany<typeof Subscription>

  @hasMany(() => CustomOrder)
  declare customOrders: HasMany<typeof CustomOrder>

  /** Commissions this photographer took on. */
  @hasMany(() => CustomOrder, { foreignKey: 'photographerId' })
  declare commissions: HasMany<typeof CustomOrder>

  @hasMany(() => ConceptImage)
  declare conceptImages: HasMany<typeof ConceptImage>

  @hasMany(() => Review)
  declare reviews: HasMany<typeof Review>

  @hasMany(() => WishlistItem)
  declare wishlistItems: HasMany<typeof WishlistItem>

  @hasMany(() => PhotoFavorite)
  declare photoFavorites: HasMany<typeof PhotoFavorite>

  @hasMany(() => GalleryVisitor)
  declare galleryVisits: HasMany<typeof GalleryVisitor>

  @hasMany(() => Download)
  declare downloads: HasMany<typeof Download>

  /** Photographer as seller / author. */
  @hasMany(() => Product, { foreignKey: 'photographerId' })
  declare products: HasMany<typeof Product>

  @hasMany(() => Artwork, { foreignKey: 'photographerId' })
  declare artworks: HasMany<typeof Artwork>

  /** The weekdays a photographer takes sessions. */
  @hasMany(() => PhotographerWorkingDay)
  declare workingDays: HasMany<typeof PhotographerWorkingDay>

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
}
