import { DateTime } from 'luxon'
import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import AppModel from '#models/app_model'
import User from '#models/user'
import Package from '#models/package'
import PhotoSession from '#models/photo_session'
import type { PreferredStyle } from '#models/child'
import { jsonColumn } from '#models/concerns/json_column'

export const PAYMENT_OPTIONS = ['full', 'deposit', '2_pay', '3_pay', '4_pay'] as const
export type PaymentOption = (typeof PAYMENT_OPTIONS)[number]

/** A child a guest added on the way; it joins the family's account when they sign up or in. */
export interface GuestChild {
  id: string
  firstName: string
  lastName: string
  birthDate: string | null
  preferredStyle: PreferredStyle | null
  musicPreferences: string | null
  styleNotes: string | null
  specialRequirements: string | null
}

export interface DraftData {
  childIds: string[]
  guestChildren: GuestChild[]
  /** Styling requests per child id. */
  stylingRequests: Record<string, string>
  specialRequests: string | null
  /** 'any' or a photographer's user id. */
  photographerChoice: string
  paymentOption: PaymentOption | null
}

export const EMPTY_DRAFT: DraftData = {
  childIds: [],
  guestChildren: [],
  stylingRequests: {},
  specialRequests: null,
  photographerChoice: 'any',
  paymentOption: null,
}

/** How long an unfinished booking is kept. */
export const DRAFT_DAYS = 14

/** A booking in progress (steps 1–6), on the server so nothing is lost when a guest signs up. */
export default class BookingDraft extends AppModel {
  @column()
  declare userId: string | null

  @column()
  declare packageId: string

  @column.dateTime()
  declare startsAt: DateTime | null

  @column()
  declare photographerId: string | null

  @jsonColumn()
  declare data: DraftData | null

  @column()
  declare photoSessionId: string | null

  @column.dateTime()
  declare expiresAt: DateTime

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  @belongsTo(() => Package)
  declare package: BelongsTo<typeof Package>

  @belongsTo(() => PhotoSession)
  declare photoSession: BelongsTo<typeof PhotoSession>

  get details(): DraftData {
    return { ...EMPTY_DRAFT, ...this.data }
  }

  /** Replaces some of the details (the JSON column is written whole). */
  mergeDetails(changes: Partial<DraftData>) {
    this.data = { ...this.details, ...changes }
  }

  get isConfirmed() {
    return this.photoSessionId !== null
  }

  /** The steps done so far decide where "continue" leads. */
  get nextStep(): 'children' | 'time' | 'notes' | 'payment' | 'review' {
    const details = this.details
    if (!details.childIds.length) return 'children'
    if (!this.startsAt) return 'time'
    if (details.paymentOption === null) return 'notes'
    return 'review'
  }
}
