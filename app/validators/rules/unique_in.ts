import vine from '@vinejs/vine'
import db from '@adonisjs/lucid/services/db'

/**
 * A value no other row of `table` has in `column` (the row being edited, named by
 * `meta.id`, excepted). Checked again by the column's unique index on write.
 */
export const uniqueIn = vine.createRule<{ table: string; column: string; message: string }>(
  async (value, options, field) => {
    if (typeof value !== 'string' || !field.isValid) return
    const query = db.from(options.table).where(options.column, value)
    if (field.meta.id) query.whereNot('id', field.meta.id)
    if (await query.first()) field.report(options.message, 'uniqueIn', field)
  },
  { isAsync: true }
)

/** A row of `table` with this id exists (and meets `where`, e.g. a category's kind). */
export const existsIn = vine.createRule<{ table: string; where?: Record<string, unknown>; message: string }>(
  async (value, options, field) => {
    if (typeof value !== 'string' || !field.isValid) return
    const row = await db.from(options.table).where('id', value).where(options.where ?? {}).first()
    if (!row) field.report(options.message, 'existsIn', field)
  },
  { isAsync: true }
)
