import type { Edge } from 'edge.js'

type ListComponents = Edge['loader']['listComponents']

/**
 * Edge's "components as tags" plugin lists every `components/` folder (existsSync +
 * recursive readdirSync) before each render unless the Edge instance was *created* with
 * the cache on; AdonisJS creates it without and turns the cache on later
 * (`edge.configure`), so production rescanned the folders on every page. Where the
 * cache is on, the list is read once: templates don't change under a running production
 * server. Development keeps rescanning, so a new component is picked up at once.
 */
export function listComponentsOnce(edge: Edge) {
  if (!edge.compiler.cacheManager.enabled) return
  const loader = edge.loader
  const list: ListComponents = loader.listComponents.bind(loader)
  let components: ReturnType<ListComponents> | null = null
  loader.listComponents = () => (components ??= list())
}
