import { Exception } from '@adonisjs/core/exceptions'

export class InvalidTransitionException extends Exception {
  static status = 409
  static code = 'E_INVALID_TRANSITION'
}

/**
 * Throws unless `to` is an allowed next state of `from`. Models call this from their
 * named state changes (`installment.markPaid(payment)`), so no code path can skip it.
 */
export function assertTransition<S extends string>(
  entity: string,
  from: S,
  to: S,
  allowed: Readonly<Record<S, readonly S[]>>
) {
  if (!allowed[from]?.includes(to)) {
    throw new InvalidTransitionException(`${entity} cannot go from ${from} to ${to}`)
  }
}
