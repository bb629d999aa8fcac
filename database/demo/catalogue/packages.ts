import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import Package from '#models/package'

/** The studio's six session packages, smallest to biggest (prices in cents). */
export const DEMO_PACKAGES = [
  {
    slug: 'garage-band',
    name: 'Garage Band Mini',
    shortDescription: 'A quick 30-minute shoot for one little rocker.',
    basePrice: 14_900,
    durationMinutes: 30,
    maxChildren: 1,
    includesStyling: false,
    maxOutfitChanges: 1,
    includedPhotos: 5,
    photoEditingLevel: 'basic',
    printSize: '4x6',
  },
  {
    slug: 'opening-act',
    name: 'Opening Act',
    shortDescription: 'Hair, make-up and two looks: the first taste of the spotlight.',
    basePrice: 24_900,
    durationMinutes: 45,
    maxChildren: 1,
    includesStyling: true,
    maxOutfitChanges: 2,
    includedPhotos: 10,
    photoEditingLevel: 'standard',
    printSize: '5x7',
  },
  {
    slug: 'headliner',
    name: 'Headliner',
    shortDescription: 'A full hour with styling, three outfits and instruments from our stage wall.',
    basePrice: 39_900,
    durationMinutes: 60,
    maxChildren: 2,
    includesStyling: true,
    maxOutfitChanges: 3,
    includedPhotos: 20,
    photoEditingLevel: 'standard',
    printSize: '8x10',
  },
  {
    slug: 'sibling-supergroup',
    name: 'Sibling Supergroup',
    shortDescription: 'Up to four brothers and sisters, posed like the band they are.',
    basePrice: 44_900,
    durationMinutes: 75,
    maxChildren: 4,
    includesStyling: true,
    maxOutfitChanges: 2,
    includedPhotos: 25,
    photoEditingLevel: 'standard',
    printSize: '8x10',
  },
  {
    slug: 'platinum-record',
    name: 'Platinum Record',
    shortDescription: 'Premium retouching, smoke machine and an album-cover composite.',
    basePrice: 64_900,
    durationMinutes: 90,
    maxChildren: 2,
    includesStyling: true,
    maxOutfitChanges: 4,
    includedPhotos: 35,
    photoEditingLevel: 'premium',
    printSize: '11x14',
  },
  {
    slug: 'world-tour',
    name: 'World Tour',
    shortDescription: 'Two hours, six looks, a tour poster and a 16x20 canvas for the wall.',
    basePrice: 89_900,
    durationMinutes: 120,
    maxChildren: 3,
    includesStyling: true,
    maxOutfitChanges: 6,
    includedPhotos: 50,
    photoEditingLevel: 'premium',
    printSize: '16x20',
  },
] as const

const EVERY_SESSION =
  'Every session includes a pre-shoot style call, our rock-star wardrobe and props, and a private online gallery to pick your favourites.'

export async function seedPackages(client: QueryClientContract) {
  for (const [index, pkg] of DEMO_PACKAGES.entries()) {
    await Package.firstOrCreate(
      { slug: pkg.slug },
      {
        ...pkg,
        description: `${pkg.shortDescription}\n\n${EVERY_SESSION}`,
        includesPrint: true,
        active: true,
        sortOrder: index + 1,
        metadata: { highlights: [`${pkg.includedPhotos} edited photos`, `${pkg.printSize} print`] },
      },
      { client }
    )
  }
}
