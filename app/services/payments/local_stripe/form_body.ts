/**
 * Stripe's request bodies are `application/x-www-form-urlencoded` with bracketed keys
 * (`line_items[0][price_data][currency]=usd`, `metadata[payment_id]=…`), as stripe-node
 * writes them. This turns one into the nested object (numeric keys become arrays).
 */
export function parseFormBody(text: string): Record<string, any> {
  const root: Record<string, any> = {}
  for (const [key, value] of new URLSearchParams(text)) {
    const path = key.replace(/\]/g, '').split('[')
    let node: any = root
    path.forEach((part, index) => {
      if (index === path.length - 1) node[part] = value
      else node = node[part] ??= {}
    })
  }
  return arraysOf(root)
}

function arraysOf(value: any): any {
  if (!value || typeof value !== 'object') return value
  const keys = Object.keys(value)
  const numeric = keys.length > 0 && keys.every((key) => /^\d+$/.test(key))
  if (numeric) return keys.sort((a, b) => Number(a) - Number(b)).map((key) => arraysOf(value[key]))
  for (const key of keys) value[key] = arraysOf(value[key])
  return value
}
