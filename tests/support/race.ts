import type { LucidModel } from '@adonisjs/lucid/types/model'

/**
 * Runs the same state change twice at once, each on its own copy of the row read before
 * either starts (two tablets, two billing runs, two clicks), and returns how many won.
 * Use in groups that truncate (not a global transaction), so each side gets its own
 * connection on PostgreSQL.
 */
export async function raceTransition<M extends LucidModel>(
  Model: M,
  id: string,
  move: (row: InstanceType<M>) => Promise<boolean>,
  contenders = 2
) {
  const copies = await Promise.all(Array.from({ length: contenders }, () => Model.findOrFail(id)))
  const results = await Promise.all(copies.map((copy) => move(copy as InstanceType<M>)))
  return results.filter(Boolean).length
}
