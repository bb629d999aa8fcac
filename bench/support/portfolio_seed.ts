/*
| The portfolio bench's catalogue, written into the bench's PostgreSQL database by the demo
| catalogue seeder itself: six portfolio categories, the print products and ~60 artworks
| whose pictures go through the same derivatives as uploads.
*/
import { bootApp } from './app.js'

export interface SeededPortfolio {
  artworks: number
  artworkSlug: string
}

export async function seedPortfolio(): Promise<SeededPortfolio> {
  const app = await bootApp()
  try {
    const { default: db } = await import('@adonisjs/lucid/services/db')
    const { default: CatalogueSeeder } = await import('#database/demo/catalogue_seeder')
    const { default: Artwork } = await import('#models/artwork')
    await new CatalogueSeeder(db.connection()).run()
    await Artwork.query().update({ status: 'published' })
    const artworks = await Artwork.query().where('status', 'published').orderBy('sort_order').orderBy('title')
    return { artworks: artworks.length, artworkSlug: artworks[Math.floor(artworks.length / 2)].slug }
  } finally {
    await app.terminate()
  }
}
