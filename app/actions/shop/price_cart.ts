import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Cart from '#models/cart'
import type CartItem from '#models/cart_item'
import ArtworkPrintOption from '#models/artwork_print_option'
import { weightClassOf, type WeightClass } from '#shop/rates'
import type { PricedLine } from '#shop/pricing'
import { printSubjectOf } from '#shop/line_titles'
import { unitsByVariant } from '#shop/stock'

export interface CartLine extends PricedLine {
  item: CartItem
  name: string
  artworkTitle: string | null
  weightClass: WeightClass
  /** Set when the cart asks more of this stocked variant than is left (0: sold out). */
  stockLeft: number | null
}

/**
 * The cart's lines at today's prices from the database: an artwork's print at its
 * override or the variant's price, a gallery photo's print at the variant's price. Lines no longer for sale (draft artwork, retired
 * variant, withdrawn print option) are left out and reported; lines wanting more than
 * their variant has left (stock fell since they were added) are priced and reported short.
 */
export default class PriceCart {
  static async handle(cart: Cart, trx?: TransactionClientContract): Promise<{ lines: CartLine[]; unavailable: CartItem[]; short: CartLine[] }> {
    const items = await cart
      .related('items')
      .query()
      .if(trx, (q) => q.useTransaction(trx!))
      .preload('productVariant', (q) => q.preload('product'))
      .preload('artwork')
      .preload('photo', (q) => q.preload('mediaAsset'))
      .orderBy('created_at')
    const artworkIds = [...new Set(items.map((item) => item.artworkId).filter((id): id is string => !!id))]
    const options = artworkIds.length
      ? await ArtworkPrintOption.query({ client: trx }).whereIn('artwork_id', artworkIds).where('available', true)
      : []
    const lines: CartLine[] = []
    const unavailable: CartItem[] = []
    for (const item of items) {
      const variant = item.productVariant
      const option = options.find((o) => o.artworkId === item.artworkId && o.productVariantId === item.productVariantId)
      const photoOnSale = !item.photoId || (!!item.photo && !item.photo.deletedAt && !item.photo.isHidden)
      const sellable = variant.active && variant.product.active && photoOnSale && (!item.artworkId || (item.artwork?.status === 'published' && option))
      if (!sellable) {
        unavailable.push(item)
        continue
      }
      lines.push({
        key: item.id,
        item,
        name: variant.name,
        artworkTitle: printSubjectOf(item),
        unitPrice: option?.priceOverride ?? variant.price,
        quantity: item.quantity,
        weightClass: weightClassOf(variant.product.category),
        stockLeft: null,
      })
    }
    const wanted = unitsByVariant(lines.map((line) => ({ variantId: line.item.productVariantId, quantity: line.quantity })))
    for (const line of lines) {
      const variant = line.item.productVariant
      if (!variant.inStock(wanted.get(variant.id))) line.stockLeft = variant.stock
    }
    return { lines, unavailable, short: lines.filter((line) => line.stockLeft !== null) }
  }
}

