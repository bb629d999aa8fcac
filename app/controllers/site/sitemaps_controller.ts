import type { HttpContext } from '@adonisjs/core/http'
import Artwork from '#models/artwork'
import Category from '#models/category'
import Page from '#models/page'
import Package from '#models/package'
import Product from '#models/product'
import PhotographerProfile from '#models/photographer_profile'
import { absoluteUrl } from '#services/site/structured_data'

const escapeXml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** sitemap.xml: the public pages a search engine should know, with their last change. */
export default class SitemapsController {
  async show({ response }: HttpContext) {
    const [artworks, categories, pages, packages, photographers, products] = await Promise.all([
      Artwork.query().where('status', 'published').select('slug', 'updated_at'),
      Category.query().where('kind', 'portfolio').select('slug', 'updated_at'),
      Page.query().where('status', 'published').select('slug', 'updated_at'),
      Package.query().where('active', true).select('slug', 'updated_at'),
      PhotographerProfile.query().select('slug', 'updated_at'),
      Product.query().where('active', true).whereHas('variants', (variants) => variants.where('active', true)).select('slug', 'updated_at'),
    ])
    const urls: [string, string | null][] = [
      [absoluteUrl('home'), null],
      [absoluteUrl('portfolio.index'), null],
      [absoluteUrl('inquiries.create'), null],
      [absoluteUrl('shop_products.index'), null],
      ...categories.map((c): [string, string | null] => [absoluteUrl('portfolio.index', {}, { category: c.slug }), c.updatedAt.toISODate()]),
      ...artworks.map((a): [string, string | null] => [absoluteUrl('artworks.show', { slug: a.slug }), a.updatedAt.toISODate()]),
      ...pages.map((p): [string, string | null] => [absoluteUrl('pages.show', { slug: p.slug }), p.updatedAt.toISODate()]),
      ...packages.map((p): [string, string | null] => [absoluteUrl('packages.show', { slug: p.slug }), p.updatedAt.toISODate()]),
      ...products.map((p): [string, string | null] => [absoluteUrl('shop_products.show', { slug: p.slug }), p.updatedAt.toISODate()]),
      ...photographers.map((p): [string, string | null] => [absoluteUrl('photographers.show', { slug: p.slug }), p.updatedAt.toISODate()]),
    ]
    const body = urls
      .map(([loc, lastmod]) => `  <url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`)
      .join('\n')
    response.header('Content-Type', 'application/xml; charset=utf-8')
    response.header('Cache-Control', 'public, max-age=3600')
    return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`
  }
}
