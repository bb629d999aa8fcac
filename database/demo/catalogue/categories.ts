import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import Category from '#models/category'

/** The six portfolio categories artworks are filed under. */
export const PORTFOLIO_CATEGORIES = [
  { slug: 'rock-portraits', name: 'Rock Portraits', description: 'Classic studio portraits with attitude.' },
  { slug: 'punk-attitude', name: 'Punk Attitude', description: 'Spikes, safety pins and plenty of sneer.' },
  { slug: 'metal-mayhem', name: 'Metal Mayhem', description: 'Horns up: smoke, leather and lightning.' },
  { slug: 'alt-and-indie', name: 'Alt & Indie', description: 'Thrift-store cool and dreamy colour.' },
  { slug: 'live-on-stage', name: 'Live on Stage', description: 'Mid-riff action from our stage set.' },
  { slug: 'black-and-white', name: 'Black & White', description: 'Film grain and deep shadows.' },
] as const

/** The shop tree: wall art (prints, canvas, metal), apparel and accessories. */
const PRODUCT_CATEGORIES = [
  { slug: 'wall-art', name: 'Wall Art', parent: null },
  { slug: 'prints', name: 'Prints', parent: 'wall-art' },
  { slug: 'canvas', name: 'Canvas', parent: 'wall-art' },
  { slug: 'metal', name: 'Metal', parent: 'wall-art' },
  { slug: 'apparel', name: 'Apparel', parent: null },
  { slug: 'accessories', name: 'Accessories', parent: null },
] as const

export async function seedCategories(client: QueryClientContract) {
  for (const [index, category] of PORTFOLIO_CATEGORIES.entries()) {
    const attributes = { ...category, kind: 'portfolio' as const, sortOrder: index + 1 }
    await Category.firstOrCreate({ slug: category.slug }, attributes, { client })
  }
  const bySlug = new Map<string, Category>()
  for (const [index, { parent, ...category }] of PRODUCT_CATEGORIES.entries()) {
    const row = await Category.firstOrCreate(
      { slug: category.slug },
      { ...category, kind: 'product', parentId: parent ? bySlug.get(parent)!.id : null, sortOrder: index + 1 },
      { client }
    )
    bySlug.set(row.slug, row)
  }
}
