/**
 * `--count=12`, `--count 12` and `--flag` from argv, with typed defaults: the value's
 * type follows the default's (number, string or boolean).
 */
export function parseFlags<T extends Record<string, number | string | boolean>>(argv: string[], defaults: T): T {
  const values: Record<string, number | string | boolean> = { ...defaults }
  for (let i = 0; i < argv.length; i++) {
    const match = argv[i].match(/^--([a-z][a-z-]*)(?:=(.*))?$/i)
    if (!match) continue
    const key = match[1].replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
    if (!(key in defaults)) throw new Error(`Unknown flag --${match[1]} (known: ${Object.keys(defaults).join(', ')})`)
    let raw = match[2]
    if (raw === undefined && typeof defaults[key] !== 'boolean') raw = argv[++i]
    if (typeof defaults[key] === 'number') {
      const number = Number(raw)
      if (!Number.isFinite(number) || number <= 0) throw new Error(`--${match[1]} needs a positive number`)
      values[key] = number
    } else if (typeof defaults[key] === 'boolean') {
      values[key] = raw === undefined ? true : raw !== 'false'
    } else {
      values[key] = raw ?? ''
    }
  }
  return values as T
}

/** `1234.5` → `"1,234.5"` is noisy in a one-line summary: fixed decimals, no separators. */
export const fixed = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a')

/** a / b for a summary line: two decimals, three below 0.1 so a small ratio doesn't print as 0.00. */
export const ratio = (a: number, b: number) => fixed(a / b, a / b < 0.1 ? 3 : 2)
