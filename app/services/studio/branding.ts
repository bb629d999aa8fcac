import StudioSetting from '#models/studio_setting'

/** What a gallery page needs of the studio's look: name, logo, colours with readable inks. */
export interface StudioBranding {
  name: string
  logoUrl: string | null
  /** CSS custom properties for the layout's nonce'd <style>, or '' for Loupe's own colours. */
  css: string
}

const HEX = /^#[0-9a-f]{6}$/i

/** WCAG 2.x relative luminance of #rrggbb. */
export function luminanceOf(hex: string) {
  const channel = (start: number) => {
    const value = Number.parseInt(hex.slice(start, start + 2), 16) / 255
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

export function contrastOf(a: string, b: string) {
  const [light, dark] = [luminanceOf(a), luminanceOf(b)].sort((x, y) => y - x)
  return (light + 0.05) / (dark + 0.05)
}

/** White or near-black, whichever reads better on `background` (≥ 4.5:1 for any colour). */
export function inkOn(background: string) {
  return contrastOf(background, '#ffffff') >= contrastOf(background, '#1d1b22') ? '#ffffff' : '#1d1b22'
}

/**
 * The studio's colours as custom properties. A brand colour too pale to be text on white
 * (links) is kept for buttons and backgrounds, and links fall back to the ink.
 */
export function brandingCss(settings: Pick<StudioSetting, 'brandColor' | 'headerColor'>) {
  const rules: string[] = []
  const brand = HEX.test(settings.brandColor ?? '') ? settings.brandColor!.toLowerCase() : null
  const header = HEX.test(settings.headerColor ?? '') ? settings.headerColor!.toLowerCase() : null
  if (brand) {
    rules.push(`--color-brand:${brand}`, `--color-brand-ink:${inkOn(brand)}`)
    rules.push(`--color-link:${contrastOf(brand, '#ffffff') >= 4.5 ? brand : '#1d1b22'}`)
  }
  if (header) rules.push(`--color-header:${header}`, `--color-header-ink:${inkOn(header)}`)
  return rules.length ? `:root{${rules.join(';')}}` : ''
}

/*
| Gallery pages are the busiest a studio has (docs/decisions/0008): the branding is read
| once per process and kept for a minute, and dropped at once when this process saves the
| settings. Another process's change shows within the minute: it is only colours and a logo.
*/
const TTL_MS = 60_000
let cached: { at: number; branding: Promise<StudioBranding> } | null = null

export function forgetStudioBranding() {
  cached = null
}

export function studioBranding(now = Date.now()): Promise<StudioBranding> {
  if (cached && now - cached.at < TTL_MS) return cached.branding
  const entry = {
    at: now,
    branding: StudioSetting.current().then((settings) => ({ name: settings.name, logoUrl: settings.logoUrl || null, css: brandingCss(settings) })),
  }
  entry.branding.catch(() => cached === entry && (cached = null))
  cached = entry
  return entry.branding
}
