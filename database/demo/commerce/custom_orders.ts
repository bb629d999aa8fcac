import { DateTime } from 'luxon'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import type User from '#models/user'
import CustomOrder, { type CustomOrderStatus } from '#models/custom_order'
import CustomOrderProposal from '#models/custom_order_proposal'
import CustomOrderMilestone, { type MilestoneStatus } from '#models/custom_order_milestone'
import ConceptImage from '#models/concept_image'
import PhotographerProfile from '#models/photographer_profile'
import Payment from '#models/payment'
import { type DemoImagePool, storeDemoImage } from '#database/demo/demo_images'

const IDEAS = [
  { title: 'Album-cover family portrait', prompt: 'Our family as a 1970s rock band on an album cover, warm film grain' },
  { title: 'Punk poster for an 8th birthday', prompt: 'A punk gig poster starring an eight-year-old with a pink mohawk' },
  { title: 'Tour-poster triptych', prompt: 'Three tour posters in a row, one per sibling, neon and chrome' },
  { title: 'Metal print of band practice', prompt: 'Kids band rehearsing in a garage, dramatic metal lighting' },
  { title: 'Grandparents at their first gig', prompt: 'Grandparents recreating their first concert photo from 1969' },
  { title: 'Comic-book band poster', prompt: 'The whole family as comic-book rock heroes, halftone dots' },
  { title: 'Glam-rock holiday card', prompt: 'Glitter, platform boots and a glam-rock holiday card layout' },
]

/** Milestone states for each commission state: every milestone status appears once somewhere. */
const MILESTONES: Partial<Record<CustomOrderStatus, MilestoneStatus[]>> = {
  accepted: ['funded', 'pending', 'pending'],
  in_progress: ['released', 'delivered', 'pending'],
  delivered: ['released', 'released', 'disputed'],
  completed: ['released', 'released', 'released'],
  cancelled: ['refunded', 'pending', 'pending'],
}
const STEPS = [
  { title: 'Concept and styling plan', share: 0.3 },
  { title: 'Shoot day', share: 0.4 },
  { title: 'Retouched files and signed print', share: 0.3 },
]
const STATUSES: CustomOrderStatus[] = ['open', 'proposed', 'accepted', 'in_progress', 'delivered', 'completed', 'cancelled']

type Ctx = { trx: TransactionClientContract; images: DemoImagePool; now: DateTime }

function titleOf(n: number) {
  const idea = IDEAS[n % IDEAS.length]
  const cycle = Math.floor(n / IDEAS.length)
  return { idea, title: cycle ? `${idea.title} (${cycle + 1})` : idea.title }
}

async function concept(ctx: Ctx, order: CustomOrder, prompt: string, saved: boolean, index: number) {
  const asset = await storeDemoImage(await ctx.images.at(index), ctx.trx, {
    filename: `concept-${index + 1}.jpg`,
    tags: ['concept'],
  })
  return ConceptImage.create(
    {
      userId: order.userId,
      // only the saved concept went on to become the commission; the other was a discarded try
      customOrderId: saved ? order.id : null,
      prompt,
      mediaAssetId: asset.id,
      saved,
      createdAt: order.createdAt.minus({ days: 2, hours: index % 5 }),
    },
    { client: ctx.trx }
  )
}

async function milestones(ctx: Ctx, order: CustomOrder, price: number, states: MilestoneStatus[], key: string) {
  const shares = STEPS.map((step) => Math.round(price * step.share))
  // the last milestone takes the rounding remainder, so they sum to the price
  shares[shares.length - 1] = price - shares.slice(0, -1).reduce((sum, amount) => sum + amount, 0)
  for (const [index, status] of states.entries()) {
    const step = STEPS[index]
    const amount = shares[index]
    const fundedAt = status === 'pending' ? null : order.createdAt.plus({ days: 7 + index * 6 })
    const milestone = await CustomOrderMilestone.create(
      {
        customOrderId: order.id,
        title: step.title,
        amount,
        position: index + 1,
        status,
        fundedAt,
        deliveredAt: ['delivered', 'released', 'disputed'].includes(status) ? fundedAt!.plus({ days: 4 }) : null,
        releasedAt: status === 'released' ? fundedAt!.plus({ days: 5 }) : null,
        refundedAt: status === 'refunded' ? fundedAt!.plus({ days: 2 }) : null,
        disputedAt: status === 'disputed' ? fundedAt!.plus({ days: 5 }) : null,
        disputeReason: status === 'disputed' ? 'The print colours are darker than the proof we approved.' : null,
      },
      { client: ctx.trx }
    )
    if (!fundedAt) continue
    const payment = await Payment.create(
      {
        userId: order.userId,
        customOrderMilestoneId: milestone.id,
        amount,
        currency: order.currency,
        paymentType: 'milestone',
        method: 'card',
        provider: 'stripe',
        providerPaymentId: `pi_demo_${key}_m${index + 1}`,
        providerChargeId: `ch_demo_${key}_m${index + 1}`,
        idempotencyKey: `demo:${key}:milestone:${index + 1}`,
        status: status === 'refunded' ? 'refunded' : 'succeeded',
        refundAmount: status === 'refunded' ? amount : 0,
        refundReason: status === 'refunded' ? 'Commission cancelled before the shoot.' : null,
        processedAt: fundedAt,
        createdAt: fundedAt,
      },
      { client: ctx.trx }
    )
    milestone.paymentId = payment.id
    await milestone.save()
  }
}

async function seedCommission(ctx: Ctx, n: number, customer: User, photographers: User[]) {
  const { idea, title } = titleOf(n)
  const status = STATUSES[n % STATUSES.length]
  const key = `custom:${String(n + 1).padStart(3, '0')}`
  const budget = (3 + (n % 5)) * 10_000
  const order = await CustomOrder.create(
    {
      userId: customer.id,
      title,
      description: `${idea.prompt}. We would love something to hang in the living room.`,
      budget,
      currency: 'USD',
      status,
      createdAt: ctx.now.minus({ days: 30 + (n % 7), hours: n % 9 }),
    },
    { client: ctx.trx }
  )
  const saved = await concept(ctx, order, idea.prompt, true, n * 2)
  await concept(ctx, order, `${idea.prompt}, but in black and white`, false, n * 2 + 1)
  order.conceptMediaId = saved.mediaAssetId
  if (status === 'open' || !photographers.length) return order.save()

  const offers = photographers.slice(0, 2).map((photographer, i) => ({ photographer, price: budget + (i ? 5_000 : -2_500) }))
  const chosen = offers[n % offers.length]
  for (const offer of offers) {
    const decided = status !== 'proposed'
    await CustomOrderProposal.create(
      {
        customOrderId: order.id,
        photographerId: offer.photographer.id,
        price: offer.price,
        estimatedDays: 21,
        message: `I would shoot this on the stage set with ${offer === chosen ? 'smoke and backlight' : 'a painted backdrop'}.`,
        status: !decided ? 'pending' : offer === chosen ? 'accepted' : 'declined',
        decidedAt: decided ? order.createdAt.plus({ days: 5 }) : null,
      },
      { client: ctx.trx }
    )
  }
  if (status !== 'proposed') {
    order.photographerId = chosen.photographer.id
    order.acceptedAt = order.createdAt.plus({ days: 5 })
    order.completedAt = status === 'completed' ? ctx.now.minus({ days: 2 }) : null
    order.cancelledAt = status === 'cancelled' ? ctx.now.minus({ days: 10 }) : null
    await milestones(ctx, order, chosen.price, MILESTONES[status] ?? [], key)
  }
  return order.save()
}

/**
 * Commissions in every status (7 × scale) from families, each from a saved concept image,
 * with proposals from the photographers who take commissions and escrow milestones.
 * Found again by customer and title.
 */
export async function seedCustomOrders(
  client: QueryClientContract,
  customers: User[],
  photographers: User[],
  images: DemoImagePool,
  scale: number
) {
  const now = DateTime.now().startOf('minute')
  const open = await PhotographerProfile.query({ client }).where('accepting_commissions', true).select('user_id')
  const takers = photographers.filter((p) => open.some((profile) => profile.userId === p.id))
  const buyers = customers.filter((_, i) => i % 5 === 4)
  if (!buyers.length) return
  for (let n = 0; n < 7 * scale; n++) {
    const customer = n === 3 ? (customers.find((c) => c.email === 'customer@loupe.test') ?? buyers[0]) : buyers[n % buyers.length]
    const { title } = titleOf(n)
    if (await CustomOrder.query({ client }).where('user_id', customer.id).where('title', title).first()) continue
    await client.transaction((trx) => seedCommission({ trx, images, now }, n, customer, takers))
  }
}
