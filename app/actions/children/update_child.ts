import type Child from '#models/child'
import type { ChildInput } from '#validators/child'
import { childAttributes } from '#actions/children/create_child'

export default class UpdateChild {
  static async handle(child: Child, input: ChildInput) {
    child.merge(childAttributes(input))
    await child.save()
    return child
  }
}
