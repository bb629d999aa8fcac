import router from '@adonisjs/core/services/router'
import { appUrl } from '#config/app'
import type Artwork from '#models/artwork'
import type Product from '#models/product'
import type { PrintChoice } from '#actions/shop/print_choices'

/** An absolute URL of a named route, for canonical links, OpenGraph and the sitemap. */
export function absoluteUrl(routeName: string, params: Record<string, string> = {}, qs?: Record<string, string>) {
  return appUrl + router.makeUrl(routeName, params, qs ? { qs } : undefined)
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped, so no text can close the script. */
export function jsonLdScript(data: unknown) {
  return JSON.stringify(data).replace(/</g, '\\u003c')
}

/** A VisualArtwork whose print options are Offers, in the studio's currency. */
export function artworkJsonLd(artwork: Artwork, printOptions: PrintChoice[], currency: string) {
  const url = absoluteUrl('artworks.show', { slug: artwork.slug })
  return jsonLdScript({
    '@context': 'https://schema.org',
    '@type': 'VisualArtwork',
    'name': artwork.title,
    url,
    'description': artwork.description ?? undefined,
    'image': artwork.mediaAssetId ? absoluteUrl('artwork_images.show', { id: artwork.mediaAssetId, variant: 'preview' }) : undefined,
    'artform': 'Photograph',
    'dateCreated': artwork.capturedOn?.toISODate() ?? undefined,
    'locationCreated': artwork.location ?? undefined,
    'offers': printOptions.map((option) => ({
      '@type': 'Offer',
      'name': option.name,
      'sku': option.sku,
      'price': (option.price / 100).toFixed(2),
      'priceCurrency': currency,
      'availability': 'https://schema.org/InStock',
      url,
    })),
  })
}

/**
 * A Product whose variants are one AggregateOffer (lowest and highest price, how many),
 * in stock while any variant is made to order or has stock left.
 */
export function productJsonLd(product: Product, images: string[], brand: string, currency: string) {
  const prices = product.variants.map((variant) => variant.price)
  const inStock = product.variants.some((variant) => variant.stock === null || variant.stock > 0)
  return jsonLdScript({
    '@context': 'https://schema.org',
    '@type': 'Product',
    'name': product.name,
    'url': absoluteUrl('shop_products.show', { slug: product.slug }),
    'description': product.description ?? product.shortDescription ?? undefined,
    'image': images.length ? images : undefined,
    'brand': { '@type': 'Brand', 'name': brand },
    'category': product.shopCategory?.name ?? product.category,
    'offers': {
      '@type': 'AggregateOffer',
      'lowPrice': (Math.min(...prices) / 100).toFixed(2),
      'highPrice': (Math.max(...prices) / 100).toFixed(2),
      'offerCount': prices.length,
      'priceCurrency': currency,
      'availability': inStock ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
    },
  })
}
