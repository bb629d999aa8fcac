import type Child from '#models/child'

/**
 * Archives a child (soft delete): gone from the family's lists and the booking flow,
 * kept on past sessions and galleries. `restore` brings them back.
 */
export default class ArchiveChild {
  static async handle(child: Child) {
    if (!child.isTrashed) await child.softDelete()
    return child
  }

  static async restore(child: Child) {
    if (child.isTrashed) await child.restore()
    return child
  }
}
