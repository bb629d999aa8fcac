import db from '@adonisjs/lucid/services/db'
import Category from '#models/category'
import User from '#models/user'

/** Portfolio categories as select options, children indented under their parent. */
export async function categoryOptions(kind: 'portfolio' | 'product' = 'portfolio') {
  const categories = await Category.query().where('kind', kind).orderBy('sort_order').orderBy('name')
  const options: { value: string; label: string }[] = []
  const add = (parentId: string | null, depth: number) => {
    for (const category of categories.filter((c) => c.parentId === parentId)) {
      options.push({ value: category.id, label: `${'— '.repeat(depth)}${category.name}` })
      if (depth < 5) add(category.id, depth + 1)
    }
  }
  add(null, 0)
  return options
}

export async function photographerOptions() {
  const users = await User.query().where('role', 'photographer').orderBy('first_name').orderBy('last_name')
  return users.map((user) => ({ value: user.id, label: user.fullName }))
}

/** Every active print variant (products of prints, canvas, metal), for an artwork's print options. */
export async function printVariants() {
  return db
    .from('product_variants as v')
    .join('products as p', 'p.id', 'v.product_id')
    .whereIn('p.category', ['prints', 'canvas', 'metal'])
    .orderBy('p.sort_order')
    .orderBy('p.name')
    .orderBy('v.sort_order')
    .orderBy('v.price')
    .select('v.id', 'v.name', 'v.sku', 'v.price', 'v.active', 'p.name as product_name', 'p.active as product_active')
}
