import { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import Artwork from '#models/artwork'
import ArtworkPrintOption from '#models/artwork_print_option'
import Category from '#models/category'
import ProductVariant from '#models/product_variant'
import type User from '#models/user'
import { DemoRandom } from '#database/demo/random'
import { type DemoImagePool, storeDemoImage } from '#database/demo/demo_images'
import { PORTFOLIO_CATEGORIES } from '#database/demo/catalogue/categories'

const ADJECTIVES = [
  'Electric', 'Neon', 'Velvet', 'Thunder', 'Midnight', 'Rebel', 'Golden', 'Wild',
  'Static', 'Crimson', 'Silver', 'Feedback', 'Backstage', 'Encore', 'Amplified',
]
const NOUNS = [
  'Riff', 'Anthem', 'Drumroll', 'Solo', 'Spotlight', 'Chorus', 'Echo', 'Groove',
  'Power Chord', 'Headbang', 'Stage Dive', 'Mosh Pit', 'Ballad', 'Soundcheck', 'Bassline',
]
const CAMERAS = ['Nikon Z8', 'Canon EOS R5', 'Fujifilm X-T5', 'Sony A7 IV', 'Hasselblad X2D']
const FILM_CAMERAS = ['Leica M6', 'Pentax 67', 'Canon AE-1', 'Mamiya RZ67']
const FILM_STOCKS = ['Ilford HP5 Plus', 'Kodak Tri-X 400', 'Ilford Delta 3200']
const LOCATIONS = [
  'Loupe Studio, Stage A',
  'Loupe Studio, Neon Room',
  'Riverside Skate Park',
  'The Old Garage',
  'Downtown rooftop',
  'Summer Rock Camp',
]
const MOMENTS = ['shot between takes', 'the last frame of the day', 'a one-take wonder', 'straight out of soundcheck']

/** Print sizes every artwork can be ordered in (SKUs from the print catalogue). */
const PRINT_SKUS = ['PRT-8X10-LUS', 'GIC-8X10-RAG', 'GIC-11X14-RAG', 'GIC-16X20-RAG', 'CNV-16X20-SLIM', 'MTL-11X14-GLS']

/** Unique for the first 225 (15 × 15); later rounds get a number. */
function title(index: number) {
  const round = Math.floor(index / (ADJECTIVES.length * NOUNS.length))
  const i = index % (ADJECTIVES.length * NOUNS.length)
  const a = i % ADJECTIVES.length
  const n = (a + Math.floor(i / ADJECTIVES.length)) % NOUNS.length
  return `${ADJECTIVES[a]} ${NOUNS[n]}${round ? ` No. ${round + 1}` : ''}`
}

const slugify = (value: string) => value.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/(^-|-$)/g, '')

/** ~60 artworks (× scale) spread over the six portfolio categories, each with an image and print options. */
export async function seedArtworks(
  client: QueryClientContract,
  images: DemoImagePool,
  photographers: User[],
  scale: number
) {
  const categories = await Category.query({ client }).whereIn('slug', PORTFOLIO_CATEGORIES.map((c) => c.slug))
  const variants = await ProductVariant.query({ client }).whereIn('sku', PRINT_SKUS)
  const existing = new Set((await Artwork.query({ client }).select('slug')).map((a) => a.slug))
  const count = 60 * scale

  for (let index = 0; index < count; index++) {
    const name = title(index)
    const slug = slugify(name)
    if (existing.has(slug)) continue
    const rng = new DemoRandom(`artwork-${index}`)
    const categorySlug = PORTFOLIO_CATEGORIES[index % PORTFOLIO_CATEGORIES.length].slug
    const film = categorySlug === 'black-and-white'
    const asset = await storeDemoImage(await images.at(index + 7), client, {
      filename: `${slug}.jpg`,
      tags: ['portfolio', categorySlug],
    })
    const artwork = await Artwork.create(
      {
        title: name,
        slug,
        description: `${name}: ${rng.pick(MOMENTS)}, from our ${categorySlug.replace(/-/g, ' ')} series.`,
        categoryId: categories.find((c) => c.slug === categorySlug)?.id ?? null,
        photographerId: photographers.length ? photographers[index % photographers.length].id : null,
        mediaAssetId: asset.id,
        camera: film ? rng.pick(FILM_CAMERAS) : rng.pick(CAMERAS),
        filmStock: film ? rng.pick(FILM_STOCKS) : null,
        location: rng.pick(LOCATIONS),
        capturedOn: DateTime.now().minus({ days: 20 + ((index * 37) % 900) }).startOf('day'),
        featured: index % 9 === 0,
        status: index % 12 === 11 ? 'draft' : 'published',
        sortOrder: index + 1,
      },
      { client }
    )
    for (const variant of variants) {
      await ArtworkPrintOption.create(
        {
          artworkId: artwork.id,
          productVariantId: variant.id,
          // featured pieces sell their big sizes at a premium
          priceOverride: artwork.featured && variant.size === '16x20' ? variant.price + 5000 : null,
          available: !(variant.sku.startsWith('MTL') && index % 5 === 0),
        },
        { client }
      )
    }
  }
}
