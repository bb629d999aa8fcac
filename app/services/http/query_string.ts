/** The query string without empty values, so `?role=` means "any role", not an invalid one. */
export function filledQuery(qs: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(qs).filter(([, value]) => value !== '' && value !== null && value !== undefined))
}
