import { DateTime } from 'luxon'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import type User from '#models/user'
import type PricingTier from '#models/pricing_tier'
import type TransformationType from '#models/transformation_type'
import Transformation, { PURGE_AFTER_DOWNLOAD_MINUTES, type TransformationStatus } from '#models/transformation'
import Subscription from '#models/subscription'
import Payment from '#models/payment'
import { DemoRandom } from '#database/demo/random'
import { demoUuid } from '#database/demo/crm/demo_uuid'
import { type DemoImagePool, storeDemoImage } from '#database/demo/demo_images'

type Profile = 'free' | 'pay_per_image' | 'monthly'
type Ctx = {
  trx: TransactionClientContract
  tiers: Map<string, PricingTier>
  types: TransformationType[]
  images: DemoImagePool
}

const FREE_ALLOWANCE = 5
type State = 'purged' | 'completed' | 'pending' | 'processing' | 'failed' | 'downloaded' | 'purge_due'

/** Older results were downloaded and purged; the latest is in one of the other states, by family. */
const LATEST: State[] = ['completed', 'pending', 'processing', 'failed', 'downloaded', 'purge_due']

/** Each state's status, which files still exist, and how many minutes ago it was downloaded. */
const STATES: Record<State, { status: TransformationStatus; source: boolean; result: boolean; downloadedAgo?: number }> = {
  purged: { status: 'completed', source: false, result: false },
  completed: { status: 'completed', source: true, result: true },
  pending: { status: 'pending', source: true, result: false },
  processing: { status: 'processing', source: true, result: false },
  failed: { status: 'failed', source: true, result: false },
  downloaded: { status: 'completed', source: true, result: true, downloadedAgo: 2 },
  // downloaded long enough ago that the purge command has work to do
  purge_due: { status: 'completed', source: true, result: true, downloadedAgo: 9 },
}

async function storeImage(ctx: Ctx, index: number, name: string) {
  return storeDemoImage(await ctx.images.at(index), ctx.trx, { filename: `${name}.jpg`, tags: ['transformation'] })
}

/** One family's history: old results downloaded and purged, the latest in the state LATEST gives. */
async function seedFamily(family: User, n: number, profile: Profile, ctx: Ctx, now: DateTime) {
  const rng = new DemoRandom(`commerce-transformations-${family.email}`)
  const count = profile === 'free' ? rng.int(1, 4) : FREE_ALLOWANCE + rng.int(1, 3)
  const latest = LATEST[n % LATEST.length]
  // one subscriber's renewal charge failed: the period ended and the plan is past due
  const pastDue = n % 8 === 7
  const periodStart = pastDue ? now.minus({ days: 33 }) : now.minus({ days: 5 + (n % 20) })
  const subscription =
    profile === 'monthly'
      ? await Subscription.create(
          {
            userId: family.id,
            pricingTierId: ctx.tiers.get('monthly')!.id,
            provider: 'stripe',
            providerSubscriptionId: `sub_demo_${String(n).padStart(3, '0')}`,
            status: pastDue ? 'past_due' : 'active',
            currentPeriodStart: periodStart,
            currentPeriodEnd: periodStart.plus({ months: 1 }),
            usageInPeriod: count - FREE_ALLOWANCE,
          },
          { client: ctx.trx }
        )
      : null
  for (let i = 0; i < count; i++) {
    const isLatest = i === count - 1
    const state = STATES[isLatest ? latest : 'purged']
    const status = state.status
    const charged = i < FREE_ALLOWANCE ? 'free' : subscription ? 'subscription' : 'paid'
    const createdAt = isLatest
      ? now.minus({ minutes: rng.int(3, 50) })
      : now.minus({ days: 3 * (count - i), hours: rng.int(0, 12) })
    const downloadedAt = isLatest
      ? state.downloadedAgo === undefined
        ? null
        : now.minus({ minutes: state.downloadedAgo })
      : createdAt.plus({ minutes: 10 })
    const source = state.source ? await storeImage(ctx, n + i, `upload-${n}-${i + 1}`) : null
    const result = state.result ? await storeImage(ctx, n + i + 3, `result-${n}-${i + 1}`) : null
    const transformation = await Transformation.create(
      {
        id: demoUuid(`commerce:transformation:${family.email}:${i + 1}`),
        userId: family.id,
        transformationTypeId: ctx.types[(n + i) % ctx.types.length].id,
        sourceMediaId: source?.id ?? null,
        resultMediaId: result?.id ?? null,
        status,
        errorMessage: status === 'failed' ? 'The model could not find a face in the photo.' : null,
        provider: status === 'pending' ? null : 'demo',
        pricingTierLocked: charged === 'free' ? 'free' : charged === 'subscription' ? 'monthly' : 'pay_per_image',
        charged,
        startedAt: status === 'pending' ? null : createdAt.plus({ seconds: 5 }),
        completedAt: status === 'completed' ? createdAt.plus({ seconds: 40 }) : null,
        downloadedAt,
        purgeAfter: downloadedAt ? downloadedAt.plus({ minutes: PURGE_AFTER_DOWNLOAD_MINUTES }) : null,
        createdAt,
      },
      { client: ctx.trx }
    )
    if (charged === 'paid') await seedTransformationPayment(transformation, family, ctx)
  }
  const tier = profile === 'free' ? null : ctx.tiers.get(profile)!.id
  await ctx.trx
    .from('users')
    .where('id', family.id)
    .update({ free_transformations_used: Math.min(count, FREE_ALLOWANCE), pricing_tier_id: tier })
}

async function seedTransformationPayment(transformation: Transformation, family: User, ctx: Ctx) {
  const failed = transformation.status === 'failed'
  const processedAt = transformation.createdAt.plus({ seconds: 2 })
  const amount = ctx.tiers.get('pay_per_image')!.costPerImage!
  const payment = await Payment.create(
    {
      userId: family.id,
      transformationId: transformation.id,
      amount,
      currency: 'USD',
      paymentType: 'transformation',
      method: 'card',
      provider: 'stripe',
      providerPaymentId: `pi_demo_tf_${transformation.id.slice(0, 8)}`,
      providerChargeId: `ch_demo_tf_${transformation.id.slice(0, 8)}`,
      idempotencyKey: `demo:transformation:${transformation.id}:payment`,
      status: failed ? 'refunded' : 'succeeded',
      refundAmount: failed ? amount : 0,
      refundReason: failed ? 'Transformation failed; refunded automatically.' : null,
      processedAt,
      createdAt: processedAt,
    },
    { client: ctx.trx }
  )
  transformation.paymentId = payment.id
  await transformation.save()
}

/**
 * AI transformations for 12 families (× scale): some stay within the free allowance,
 * some pay per image, some are on the monthly plan (one past due). A family whose first
 * transformation exists is skipped.
 */
export async function seedTransformations(
  client: QueryClientContract,
  families: User[],
  tiers: PricingTier[],
  types: TransformationType[],
  images: DemoImagePool,
  scale: number
) {
  if (!types.length) return
  const now = DateTime.now().startOf('minute')
  const chosen = families.filter((_, i) => i % 3 === 1).slice(0, 12 * scale)
  const profiles: Profile[] = ['free', 'pay_per_image', 'free', 'monthly']
  for (const [n, family] of chosen.entries()) {
    if (await Transformation.find(demoUuid(`commerce:transformation:${family.email}:1`), { client })) continue
    const ctx = { tiers: new Map(tiers.map((t) => [t.key, t])), types, images }
    await client.transaction((trx) => seedFamily(family, n, profiles[n % profiles.length], { ...ctx, trx }, now))
  }
}
