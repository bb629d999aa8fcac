import vine from '@vinejs/vine'
import { slugFormat } from '#validators/rules/gallery_rules'
import { uniqueIn } from '#validators/rules/unique_in'

/**
 * A page address typed by the studio (`summer-minis`), unique in `table`; left blank, the
 * action makes one from the name. The row being edited is named by the validator's `meta.id`.
 */
export function optionalSlug(table: string, noun: string, maxLength = 120) {
  return vine
    .string()
    .trim()
    .toLowerCase()
    .maxLength(maxLength)
    .use(slugFormat())
    .use(uniqueIn({ table, column: 'slug', message: `Another ${noun} already uses this address` }))
    .optional()
}
