import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import PricingTier, { type PricingTierKey } from '#models/pricing_tier'
import TransformationType from '#models/transformation_type'

/** PixShift's tiers: the free allowance, then pay per image or a monthly plan (cents). */
const TIERS: (Pick<PricingTier, 'name' | 'description' | 'costPerImage' | 'monthlyLimit' | 'costPerMonth'> & {
  key: PricingTierKey
})[] = [
  {
    key: 'free',
    name: 'Free',
    description: 'Your first transformations are on the house.',
    costPerImage: 0,
    monthlyLimit: null,
    costPerMonth: null,
  },
  {
    key: 'pay_per_image',
    name: 'Pay per image',
    description: 'Pay only for the transformations you keep making.',
    costPerImage: 99,
    monthlyLimit: null,
    costPerMonth: null,
  },
  {
    key: 'monthly',
    name: 'Monthly',
    description: 'Up to 100 transformations a month.',
    costPerImage: null,
    monthlyLimit: 100,
    costPerMonth: 999,
  },
]

const TYPES = [
  {
    name: 'Rock-star poster',
    description: 'Your child headlining a stadium, lights and smoke included.',
    promptTemplate:
      'Transform the person in the image into a {{style}} rock star performing on a stadium stage, dramatic backlight, smoke, concert-poster composition.',
  },
  {
    name: 'Punk album cover',
    description: 'A 1977-style punk sleeve with ransom-note lettering.',
    promptTemplate:
      'Turn the photo into a 1977 punk album cover: high-contrast photocopy look, torn paper, ransom-note lettering reading "{{band}}".',
  },
  {
    name: 'Metal stage',
    description: 'Pyrotechnics, a wall of amps and a very serious guitar face.',
    promptTemplate:
      'Place the person on a heavy-metal stage with pyrotechnics and a wall of amplifiers, cinematic lighting, keep the face recognisable.',
  },
  {
    name: 'Person wearing crown',
    description: 'Rock royalty: a jewelled crown and a velvet cape.',
    promptTemplate: 'Transform the person in the image to wear a jewelled crown and a velvet cape, regal portrait lighting.',
  },
  {
    name: 'Person delivering speech',
    description: 'At the podium, addressing the fans.',
    promptTemplate: 'Transform the person in the image to deliver a speech from a podium to a cheering crowd.',
  },
  {
    name: 'Comic-book hero',
    description: 'Halftone dots, bold ink and a speech bubble.',
    promptTemplate: 'Redraw the photo as a comic-book cover: bold ink lines, halftone dots, a speech bubble saying "{{caption}}".',
  },
  {
    name: 'Vintage vinyl sleeve',
    description: 'Retired for now: the results looked too much like real records.',
    promptTemplate: 'Make the photo look like a 1960s vinyl record sleeve with worn edges and a label.',
    enabled: false,
  },
]

export async function seedPricingTiers(client: QueryClientContract) {
  for (const [index, tier] of TIERS.entries()) {
    await PricingTier.firstOrCreate({ key: tier.key }, { ...tier, currency: 'USD', active: true, sortOrder: index + 1 }, { client })
  }
  return PricingTier.query({ client }).orderBy('sort_order')
}

export async function seedTransformationTypes(client: QueryClientContract) {
  for (const [index, type] of TYPES.entries()) {
    await TransformationType.firstOrCreate(
      { name: type.name },
      { enabled: true, ...type, sortOrder: index + 1 },
      { client }
    )
  }
  return TransformationType.query({ client }).where('enabled', true).orderBy('sort_order')
}
