import { errors } from '@adonisjs/lucid'
import type { LucidModel } from '@adonisjs/lucid/types/model'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The route matcher for id params (start/routes.ts). Not `router.matchers.uuid()`,
 * whose character class `[0-9a-zA-F]` lets any lower-case letter through.
 */
export const uuidMatcher = { match: UUID, cast: (value: string) => value.toLowerCase() }

/**
 * Route ids are UUIDs: anything else is a 404 before it reaches PostgreSQL, whose uuid
 * type would turn a mistyped URL into a 500.
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value)
}

/** `Model.findOrFail(id)` that answers 404, not 500, to an id that isn't a UUID. */
export async function findByRouteId<Model extends LucidModel>(model: Model, id: unknown): Promise<InstanceType<Model>> {
  if (!isUuid(id)) throw new errors.E_ROW_NOT_FOUND(model)
  return (await model.findOrFail(id)) as InstanceType<Model>
}

/** The same 404 for a record that exists but isn't this user's to see. */
export function notFound(model?: LucidModel): never {
  throw new errors.E_ROW_NOT_FOUND(model)
}
