/** knex answers an update with the number of rows (an array of it on some drivers). */
export function affectedRows(result: unknown) {
  return Number(Array.isArray(result) ? result[0] : result) || 0
}
