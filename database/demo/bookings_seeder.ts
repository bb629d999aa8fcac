import { DateTime } from 'luxon'
import { BaseSeeder } from '@adonisjs/lucid/seeders'
import logger from '@adonisjs/core/services/logger'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import User from '#models/user'
import Child from '#models/child'
import Package from '#models/package'
import KioskDevice from '#models/kiosk_device'
import BusinessHour from '#models/business_hour'
import BlackoutDate from '#models/blackout_date'
import StudioSetting from '#models/studio_setting'
import Payment from '#models/payment'
import PhotoSession from '#models/photo_session'
import SessionChild from '#models/session_child'
import SessionEvent from '#models/session_event'
import PhotographerWorkingDay from '#models/photographer_working_day'
import { planBookings, type BookingSpec, type Hours } from '#database/demo/bookings/plan'
import { DemoSlotPlanner } from '#database/demo/bookings/slots'
import { claimSlot } from '#booking/slot_claims'
import { timeline, type TimelineStep } from '#database/demo/bookings/timeline'
import {
  seedBalancePayment,
  seedDeposit,
  seedInvoice,
  seedPlan,
  type BookingContext,
} from '#database/demo/bookings/money'

type Studio = {
  families: { user: User; children: Child[] }[]
  packages: Package[]
  photographers: User[]
  staff: User | null
  kiosk: KioskDevice | null
  hours: Hours
  blackouts: Set<string>
  planner: DemoSlotPlanner
  settings: { timezone: string; depositPercent: number; paymentRetryDays: number; maxPaymentAttempts: number }
}

/** Sessions that keep their slot (and the demo's history of where sessions were). */
const HOLDING = ['booked', 'confirmed', 'checked_in', 'in_progress']

const NOTES = {
  preparation: 'Set up the stage wall, the smoke machine and two guitars.',
  photographer: 'Great energy; best frames were with the drum kit and backlight.',
  completion: 'Gallery to be edited and published within a week.',
}

/**
 * ~120 photo sessions (× scale) over the past 90 days, today and the next 4 weeks, in every
 * status, with children, history, deposits, payment plans and invoices. Each booking is
 * found again by its deposit's idempotency key (`demo:booking:0001:deposit`), and written
 * in one transaction, so a rerun creates only what is missing.
 */
export default class BookingsSeeder extends BaseSeeder {
  static scale = 1

  async run() {
    const studio = await this.loadStudio()
    if (!studio.families.length || !studio.packages.length) {
      logger.warn('bookings seeder: no demo families or packages yet; run the studio and catalogue seeders first')
      return
    }
    const deposits = await Payment.query({ client: this.client })
      .whereLike('idempotency_key', 'demo:booking:%:deposit')
      .select('idempotency_key')
    const done = new Set(deposits.map((payment) => payment.idempotencyKey.replace(/:deposit$/, '')))
    const now = DateTime.now().startOf('minute')
    const scale = (this.constructor as typeof BookingsSeeder).scale
    for (const spec of planBookings(scale)) {
      if (done.has(spec.key)) continue
      await this.client.transaction((trx) => this.seedBooking(spec, studio, now, trx))
    }
  }

  private async loadStudio(): Promise<Studio> {
    const client = this.client
    const parents = await User.query({ client })
      .where((q) => q.whereLike('email', 'family%@loupe.test').orWhere('email', 'customer@loupe.test'))
      .orderBy('email')
    const children = await Child.query({ client })
      .whereIn('parent_id', parents.map((p) => p.id))
      .orderBy('birth_date')
      .orderBy('first_name')
    const settings = await StudioSetting.query({ client }).first()
    const hours = await BusinessHour.query({ client }).orderBy('weekday').orderBy('opens_at')
    const photographers = await User.query({ client }).where('role', 'photographer').whereLike('email', '%@loupe.test').orderBy('email')
    const days = await PhotographerWorkingDay.query({ client }).whereIn('user_id', photographers.map((p) => p.id))
    const allBlackouts = await BlackoutDate.query({ client })
    const planner = new DemoSlotPlanner({
      zone: settings?.timezone ?? 'UTC',
      slotMinutes: settings?.slotMinutes ?? 30,
      bufferBeforeMinutes: settings?.bufferBeforeMinutes ?? 0,
      bufferAfterMinutes: settings?.bufferAfterMinutes ?? 0,
      hours: hours.map((h) => ({ weekday: h.weekday, opensAt: h.opensAt, closesAt: h.closesAt, capacity: h.capacity })),
      photographers: photographers
        .map((p) => ({ id: p.id, name: p.fullName, days: days.filter((d) => d.userId === p.id).map((d) => ({ weekday: d.weekday, startsAt: d.startsAt, endsAt: d.endsAt })) }))
        .filter((p) => p.days.length),
      blackouts: allBlackouts.map((b) => ({ date: b.date.toISODate()!, photographerId: b.photographerId, reason: b.reason })),
    })
    for (const session of await PhotoSession.query({ client }).whereNotIn('status', ['cancelled'])) {
      planner.remember({ id: session.id, startsAt: session.startsAt, durationMinutes: session.estimatedDuration, photographerId: session.photographerId, setNumber: session.setNumber })
    }
    return {
      families: parents.map((user) => ({ user, children: children.filter((c) => c.parentId === user.id) })),
      packages: await Package.query({ client }).where('active', true).orderBy('sort_order').orderBy('slug'),
      photographers: await User.query({ client })
        .where('role', 'photographer')
        .whereLike('email', '%@loupe.test')
        .orderBy('email'),
      staff: await User.query({ client }).where('email', 'staff@loupe.test').first(),
      kiosk: await KioskDevice.query({ client }).whereNull('revoked_at').orderBy('name').first(),
      hours,
      blackouts: new Set(allBlackouts.filter((b) => !b.photographerId).map((b) => b.date.toISODate()!)),
      planner,
      settings: {
        timezone: settings?.timezone ?? 'UTC',
        depositPercent: settings?.depositPercent ?? 25,
        paymentRetryDays: settings?.paymentRetryDays ?? 3,
        maxPaymentAttempts: settings?.maxPaymentAttempts ?? 3,
      },
    }
  }

  private async seedBooking(spec: BookingSpec, studio: Studio, now: DateTime, trx: TransactionClientContract) {
    const family = studio.families[spec.familyIndex % studio.families.length]
    const pkg = studio.packages[spec.packageIndex % studio.packages.length]
    const day = now.setZone(studio.settings.timezone).plus({ days: spec.dayOffset }).startOf('day')
    const placed = studio.planner.place(day, pkg.durationMinutes, spec.slot, spec.photographerIndex, spec.dayOffset < 0 ? -1 : 1)
    if (!placed) return
    const photographer = studio.photographers.find((p) => p.id === placed.photographerId) ?? null
    // Stored in the server's zone: SQLite keeps datetimes without an offset.
    const startsAt = placed.startsAt.toLocal()
    let bookedAt: DateTime = DateTime.min(startsAt.minus({ days: spec.bookedDaysBefore }), now.minus({ hours: 2 }))
    if (spec.plan) bookedAt = DateTime.min(bookedAt, now.minus({ days: 20 + spec.planAnchor * 31 }))

    const steps = timeline(spec, startsAt, bookedAt, pkg.durationMinutes, now)
    bookedAt = steps[0].at
    const step = (status: string) => steps.find((s) => s.status === status)
    const total = pkg.basePrice + spec.addOns.reduce((sum, addOn) => sum + addOn.amount, 0)
    const deposit = Math.round((total * studio.settings.depositPercent) / 100)
    const checkIn = step('checked_in')
    const cancelled = step('cancelled')

    const session = await PhotoSession.create(
      {
        userId: family.user.id,
        packageId: pkg.id,
        photographerId: photographer?.id ?? null,
        setNumber: placed.setNumber,
        startsAt,
        estimatedDuration: pkg.durationMinutes,
        status: spec.status,
        totalAmount: total,
        depositAmount: deposit,
        balanceDue: total - deposit,
        currency: 'USD',
        specialRequests: spec.specialRequests,
        preparationNotes: spec.status === 'booked' ? null : NOTES.preparation,
        stylingNotes: spec.stylingRequests,
        photographerNotes: spec.status === 'completed' ? NOTES.photographer : null,
        completionNotes: spec.status === 'completed' ? NOTES.completion : null,
        checkedInAt: checkIn?.at ?? null,
        checkedInBy: checkIn && checkIn.by === 'staff' ? (studio.staff?.id ?? null) : null,
        kioskDeviceId: checkIn && checkIn.by === 'kiosk' ? (studio.kiosk?.id ?? null) : null,
        cancelledAt: cancelled?.at ?? null,
        cancellationReason: cancelled ? spec.cancellationReason : null,
        createdAt: bookedAt,
        updatedAt: steps[steps.length - 1].at,
      },
      { client: trx }
    )
    if (spec.status !== 'cancelled') {
      studio.planner.hold({ id: session.id, startsAt, durationMinutes: pkg.durationMinutes, photographerId: session.photographerId, setNumber: placed.setNumber })
    }
    if (HOLDING.includes(spec.status)) {
      await claimSlot(trx, {
        sessionId: session.id,
        blockedFrom: DateTime.fromMillis(placed.blocked.start),
        blockedUntil: DateTime.fromMillis(placed.blocked.end),
        photographerIds: session.photographerId ? [session.photographerId] : [],
        setNumbers: [placed.setNumber],
        day: null,
      })
    }
    await this.seedChildren(spec, session, family.children, pkg.maxChildren, trx)
    await this.seedEvents(spec, session, steps, studio, photographer, trx)

    const ctx: BookingContext = {
      spec,
      session,
      pkg,
      bookedAt,
      trx,
      now,
      retryDays: studio.settings.paymentRetryDays,
      maxAttempts: studio.settings.maxPaymentAttempts,
    }
    let paid = await seedDeposit(ctx, cancelled?.at ?? null)
    const plan = spec.plan ? await seedPlan(ctx) : null
    paid += plan?.paid ?? 0
    if (spec.status === 'completed' && !plan) {
      await seedBalancePayment(ctx, total - paid)
      paid = total
    }
    session.balanceDue = ['cancelled', 'no_show'].includes(spec.status) ? 0 : total - paid
    await session.save()

    const invoice = await seedInvoice(ctx, paid, cancelled?.at ?? null, plan?.lastDueOn ?? null)
    if (plan && invoice) {
      plan.plan.invoiceId = invoice.id
      await plan.plan.save()
    }
  }

  private async seedChildren(
    spec: BookingSpec,
    session: PhotoSession,
    children: Child[],
    maxChildren: number,
    trx: TransactionClientContract
  ) {
    const styled = ['in_progress', 'completed'].includes(spec.status)
    for (const [index, child] of children.slice(0, Math.min(spec.childCount, maxChildren)).entries()) {
      await SessionChild.create(
        {
          photoSessionId: session.id,
          childId: child.id,
          primaryChild: index === 0,
          stylingRequests: index === 0 ? spec.stylingRequests : null,
          completedStyling: styled,
        },
        { client: trx }
      )
    }
  }

  private async seedEvents(
    spec: BookingSpec,
    session: PhotoSession,
    steps: TimelineStep[],
    studio: Studio,
    photographer: User | null,
    trx: TransactionClientContract
  ) {
    const notes: Partial<Record<TimelineStep['status'], string>> = {
      booked: 'Booked online',
      cancelled: spec.cancellationReason,
    }
    let from: TimelineStep['status'] | null = null
    for (const step of steps) {
      const actors = { family: session.userId, staff: studio.staff?.id, photographer: photographer?.id, kiosk: null }
      const actor = actors[step.by]
      await SessionEvent.create(
        {
          photoSessionId: session.id,
          fromStatus: from,
          toStatus: step.status,
          actorId: actor ?? null,
          kioskDeviceId: step.by === 'kiosk' ? (studio.kiosk?.id ?? null) : null,
          note: notes[step.status] ?? null,
          createdAt: step.at,
          updatedAt: step.at,
        },
        { client: trx }
      )
      from = step.status
    }
  }
}
