import type { Edge } from 'edge.js'

const fragments = new WeakMap<object, Map<string, string>>()

/**
 * The HTML of a small template rendered once per `owner` object and `key`, then reused:
 * `owner` is a value that lives exactly as long as what the HTML shows (a photo of a
 * cached gallery list: a new list means new objects, and the old HTML goes with them),
 * `key` names everything else the template reads (the viewer's flags). The template must
 * read nothing per request (no CSRF field, no nonce, no session) and nothing but `state`.
 */
export function renderFragment(edge: Edge, owner: object, key: string, template: string, state: Record<string, unknown>) {
  let byKey = fragments.get(owner)
  if (!byKey) fragments.set(owner, (byKey = new Map()))
  let html = byKey.get(key)
  if (html === undefined) {
    html = edge.createRenderer().renderSync(template, state)
    byKey.set(key, html)
  }
  return html
}

const MAX_KEYED = 5_000
const keyed = new Map<string, string>()

/**
 * The same, for HTML whose owner is rebuilt on every request (models loaded afresh): keyed by
 * a string that names everything the template reads, least recently used dropped first.
 */
export async function renderKeyedFragment(edge: Edge, key: string, template: string, state: Record<string, unknown>) {
  let html = keyed.get(key)
  if (html === undefined) {
    html = await edge.createRenderer().render(template, state)
    if (keyed.size >= MAX_KEYED) keyed.delete(keyed.keys().next().value!)
  } else {
    keyed.delete(key)
  }
  keyed.set(key, html)
  return html
}
