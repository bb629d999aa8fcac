import type { Stats } from 'sharp'

/** What a tagger sees: the preview's statistics and its size. */
export interface TaggableImage {
  width: number
  height: number
  stats: Stats
}

/** Tags an image. The built-in one reads statistics; an AI tagger can implement the same. */
export interface ImageTagger {
  readonly name: string
  tag(image: TaggableImage): Promise<string[]>
}

/**
 * Auto tags from image statistics, honestly named: orientation, colour family of the
 * dominant colour, brightness, and monochrome when there is almost no colour.
 */
export class StatisticsTagger implements ImageTagger {
  readonly name = 'statistics'

  async tag({ width, height, stats }: TaggableImage) {
    const tags = [width === height ? 'square' : width > height ? 'landscape' : 'portrait']
    const [r, g, b] = stats.channels.slice(0, 3).map((channel: { mean: number }) => channel.mean)
    const luminance = 0.2126 * r + 0.7152 * (g ?? r) + 0.0722 * (b ?? r)
    tags.push(luminance < 70 ? 'dark' : luminance > 185 ? 'bright' : 'balanced-light')

    const { r: dr, g: dg, b: db } = stats.dominant
    const [hue, saturation] = hueAndSaturation(dr, dg, db)
    const spread = Math.max(r, g ?? r, b ?? r) - Math.min(r, g ?? r, b ?? r)
    if (stats.channels.length < 3 || spread < 12) tags.push('monochrome')
    tags.push(saturation < 0.15 ? 'neutral' : colourFamily(hue))
    return tags
  }
}

function hueAndSaturation(r: number, g: number, b: number): [number, number] {
  const max = Math.max(r, g, b) / 255
  const min = Math.min(r, g, b) / 255
  const delta = max - min
  if (delta === 0) return [0, 0]
  const saturation = max === 0 ? 0 : delta / max
  let hue: number
  if (max === r / 255) hue = ((g - b) / 255 / delta) % 6
  else if (max === g / 255) hue = (b - r) / 255 / delta + 2
  else hue = (r - g) / 255 / delta + 4
  return [(hue * 60 + 360) % 360, saturation]
}

function colourFamily(hue: number) {
  if (hue < 15 || hue >= 345) return 'red'
  if (hue < 45) return 'orange'
  if (hue < 70) return 'yellow'
  if (hue < 170) return 'green'
  if (hue < 250) return 'blue'
  if (hue < 290) return 'purple'
  return 'pink'
}
