import Category from '#models/category'
import RecordAudit from '#actions/audit/record_audit'
import { freeSlug } from '#support/slugs'
import type { CategoryInput } from '#validators/category'
import type { Actor } from '#support/actor'

export type SaveCategoryResult =
  | { ok: true; category: Category }
  | { ok: false; reason: 'parent_is_descendant' | 'parent_other_kind'; message: string }

/** Creates or updates a category. Its parent must be of the same kind and not itself or one of its own subcategories. */
export default class SaveCategory {
  static async handle(actor: Actor, input: CategoryInput, category: Category = new Category()): Promise<SaveCategoryResult> {
    const creating = !category.$isPersisted
    if (input.parentId) {
      const parent = await Category.findOrFail(input.parentId)
      if (parent.kind !== input.kind) return { ok: false, reason: 'parent_other_kind', message: 'Choose a parent of the same kind' }
      if (!creating && (await lineageOf(parent)).includes(category.id)) {
        return { ok: false, reason: 'parent_is_descendant', message: 'A category cannot sit inside itself or its own subcategory' }
      }
    }
    category.merge({
      name: input.name,
      slug: input.slug || (creating ? await freeSlug('categories', input.name) : category.slug),
      kind: input.kind,
      parentId: input.parentId || null,
      description: input.description || null,
      sortOrder: input.sortOrder,
    })
    await category.save()
    await RecordAudit.handle(actor, {
      action: creating ? 'category.created' : 'category.updated',
      subject: { type: 'category', id: category.id },
      details: { name: category.name, parentId: category.parentId },
    })
    return { ok: true, category }
  }
}

/** The category's id and its ancestors' ids (stops at 20 levels, however the rows were edited). */
async function lineageOf(category: Category) {
  const ids = [category.id]
  let parentId = category.parentId
  while (parentId && ids.length < 20) {
    ids.push(parentId)
    parentId = (await Category.find(parentId))?.parentId ?? null
  }
  return ids
}
