type Planned = { name: string }

/** Whether the builder was asked to make this relation itself (`.with(name)`). */
export function willCreate(builder: unknown, relation: string) {
  const planned: Planned[] = [
    ...((builder as any).withBelongsToRelations ?? []),
    ...((builder as any).withRelations ?? []),
  ]
  return planned.some((entry) => entry.name === relation)
}

/**
 * Fills a required belongsTo id from a `before('create')` hook unless the builder will
 * make that parent itself (`.with('user')`), so `XFactory.create()` works bare and
 * `.with(...)` never leaves an extra orphan row behind.
 */
export async function ensureParent(
  builder: unknown,
  relation: string,
  currentId: string | null | undefined,
  make: () => Promise<{ id: string }>
): Promise<string | null | undefined> {
  if (currentId || willCreate(builder, relation)) return currentId
  return (await make()).id
}
