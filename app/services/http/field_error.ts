import { errors } from '@vinejs/vine'

/**
 * A validation failure found after the validator ran (e.g. a wrong current password).
 * Thrown, it behaves like any validation error: the field's message on the form, or
 * 422 with field errors for JSON.
 */
export function fieldError(field: string, message: string) {
  return new errors.E_VALIDATION_ERROR([{ field, message, rule: field }])
}
