import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import Category from '#models/category'
import Product, { type ProductCategory } from '#models/product'
import ProductImage from '#models/product_image'
import ProductVariant from '#models/product_variant'
import type User from '#models/user'
import { type DemoImagePool, storeDemoImage } from '#database/demo/demo_images'

type VariantSpec = Pick<ProductVariant, 'sku' | 'name' | 'price'> &
  Partial<Pick<ProductVariant, 'size' | 'material' | 'color' | 'stock'>>

type ProductSpec = {
  slug: string
  name: string
  category: ProductCategory
  shortDescription: string
  featured?: boolean
  bySeller?: boolean
  printful?: string
  variants: VariantSpec[]
}

const code = (value: string) => value.replace(/[^0-9a-z]/gi, '').toUpperCase()

/** Every size × material ([name, SKU code, surcharge]) at a base price per size. */
function grid(prefix: string, sizes: Record<string, number>, materials: [string, string, number][], label: string) {
  return Object.entries(sizes).flatMap(([size, price]) =>
    materials.map(([material, materialCode, surcharge]) => ({
      sku: `${prefix}-${code(size)}-${materialCode}`,
      name: `${size} ${label}, ${material}`,
      size,
      material,
      price: price + surcharge,
    }))
  )
}

function apparel(prefix: string, sizes: string[], colors: string[], price: number, stocked: boolean) {
  return sizes.flatMap((size, i) =>
    colors.map((color, j) => ({
      sku: `${prefix}-${code(size)}-${code(color).slice(0, 3)}`,
      name: `${size}, ${color}`,
      size,
      color,
      price,
      stock: stocked ? 8 + ((i * 7 + j * 5) % 23) : null,
    }))
  )
}

/** The print catalogue: prints 4x6–16x20, fine art, canvas, metal, apparel and a mug. */
export const DEMO_PRODUCTS: ProductSpec[] = [
  {
    slug: 'photo-print',
    name: 'Photo Print',
    category: 'prints',
    shortDescription: 'Lab prints on lustre or matte paper, from wallet-friendly 4x6 to 16x20.',
    featured: true,
    printful: 'pf-1',
    variants: grid(
      'PRT',
      { '4x6': 900, '5x7': 1400, '8x10': 2400, '11x14': 3900, '16x20': 6900 },
      [['lustre', 'LUS', 0], ['matte', 'MAT', 200]],
      'print'
    ),
  },
  {
    slug: 'fine-art-giclee-print',
    name: 'Fine Art Giclée Print',
    category: 'prints',
    shortDescription: 'Archival pigment inks on 310gsm cotton rag.',
    printful: 'pf-2',
    variants: grid('GIC', { '8x10': 4500, '11x14': 6900, '16x20': 11_900 }, [['cotton rag', 'RAG', 0]], 'giclée'),
  },
  {
    slug: 'gallery-canvas-wrap',
    name: 'Gallery Canvas Wrap',
    category: 'canvas',
    shortDescription: 'Hand-stretched canvas, ready to hang, in two depths.',
    featured: true,
    printful: 'pf-3',
    variants: grid(
      'CNV',
      { '8x10': 7900, '11x14': 10_900, '16x20': 15_900, '20x30': 24_900 },
      [['0.75in wrap', 'SLIM', 0], ['1.5in wrap', 'DEEP', 2000]],
      'canvas'
    ),
  },
  {
    slug: 'metal-print',
    name: 'Metal Print',
    category: 'metal',
    shortDescription: 'Dye-sublimated aluminium: electric colour with a floating mount.',
    printful: 'pf-4',
    variants: grid(
      'MTL',
      { '8x10': 8900, '11x14': 12_900, '16x20': 18_900 },
      [['gloss', 'GLS', 0], ['satin', 'SAT', 0]],
      'metal'
    ),
  },
  {
    slug: 'rock-star-kids-tee',
    name: 'Rock Star Kids Tee',
    category: 'apparel',
    shortDescription: 'Soft cotton tee with your child’s tour photo, printed in the studio.',
    variants: apparel('TEE', ['2T', '4T', 'XS', 'S', 'M'], ['black', 'white'], 2800, true),
  },
  {
    slug: 'tour-hoodie',
    name: 'Tour Hoodie',
    category: 'apparel',
    shortDescription: 'Grown-up hoodie with a tour-dates back print.',
    printful: 'pf-5',
    variants: apparel('HOOD', ['S', 'M', 'L', 'XL'], ['black'], 5400, false),
  },
  {
    slug: 'album-cover-mug',
    name: 'Album Cover Mug',
    category: 'accessories',
    shortDescription: 'Your photo as a record sleeve, wrapped around a ceramic mug.',
    printful: 'pf-6',
    variants: [
      { sku: 'MUG-11OZ', name: '11 oz mug', size: '11oz', price: 1800 },
      { sku: 'MUG-15OZ', name: '15 oz mug', size: '15oz', price: 2200 },
    ],
  },
  {
    slug: 'signed-limited-edition-print',
    name: 'Signed Limited Edition Print',
    category: 'prints',
    shortDescription: 'A numbered, hand-signed print from one of our photographers (edition of 25).',
    featured: true,
    bySeller: true,
    variants: [{ sku: 'LTD-11X14', name: '11x14 signed giclée', size: '11x14', material: 'cotton rag', price: 14_900, stock: 25 }],
  },
]

export async function seedProducts(client: QueryClientContract, images: DemoImagePool, photographers: User[]) {
  const shopCategories = await Category.query({ client }).where('kind', 'product')
  let imageIndex = 0
  for (const [index, spec] of DEMO_PRODUCTS.entries()) {
    const variants = spec.variants
    const product = await Product.firstOrCreate(
      { slug: spec.slug },
      {
        name: spec.name,
        category: spec.category,
        categoryId: shopCategories.find((c) => c.slug === spec.category)?.id ?? null,
        photographerId: spec.bySeller ? (photographers[0]?.id ?? null) : null,
        shortDescription: spec.shortDescription,
        description: `${spec.shortDescription}\n\nMade to order for Loupe families; ships in 5–7 working days.`,
        basePrice: Math.min(...variants.map((v) => v.price)),
        printfulProductId: spec.printful ?? null,
        sizeOptions: [...new Set(variants.map((v) => v.size).filter((v): v is string => !!v))],
        materialOptions: [...new Set(variants.map((v) => v.material).filter((v): v is string => !!v))],
        colorOptions: [...new Set(variants.map((v) => v.color).filter((v): v is string => !!v))],
        customizationOptions: spec.category === 'apparel' ? { text: { maxLength: 20, label: 'Band name' } } : null,
        active: true,
        featured: spec.featured ?? false,
        sortOrder: index + 1,
      },
      { client }
    )
    for (const [position, variant] of variants.entries()) {
      await ProductVariant.firstOrCreate(
        { sku: variant.sku },
        {
          stock: null,
          ...variant,
          productId: product.id,
          printfulVariantId: spec.printful ? `${spec.printful}-${position + 1}` : null,
          active: true,
          sortOrder: position + 1,
        },
        { client }
      )
    }
    const imageStart = imageIndex
    imageIndex += 2
    if (await ProductImage.query({ client }).where('product_id', product.id).first()) continue
    for (const position of [0, 1]) {
      const asset = await storeDemoImage(await images.at(imageStart + position), client, {
        filename: `${spec.slug}-${position + 1}.jpg`,
        tags: ['product', spec.category],
      })
      const altText = position === 0 ? `${spec.name}, as it ships` : `${spec.name}, a closer look at the finish`
      await ProductImage.create({ productId: product.id, mediaAssetId: asset.id, position, isPrimary: position === 0, altText }, { client })
    }
  }
}
