/**
 * A tiled, semi-transparent text watermark as an SVG the size of the image, so it scales
 * with every preview: the text is about a twelfth of the short edge, repeated diagonally.
 */
export function watermarkSvg(width: number, height: number, text: string) {
  const size = Math.max(14, Math.round(Math.min(width, height) / 12))
  const step = size * 4
  const label = escapeXml(text.trim() || 'Proof')
  const rows: string[] = []
  for (let y = -height; y < height * 2; y += step) {
    for (let x = -width; x < width * 2; x += step * 2) {
      rows.push(`<text x="${x}" y="${y}">${label}</text>`)
    }
  }
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<g transform="rotate(-30 ${width / 2} ${height / 2})" font-family="DejaVu Sans, Liberation Sans, sans-serif" ` +
      `font-size="${size}" font-weight="bold" fill="#ffffff" fill-opacity="0.35" stroke="#000000" stroke-opacity="0.25" stroke-width="${Math.max(1, size / 24)}">` +
      rows.join('') +
      `</g></svg>`
  )
}

function escapeXml(value: string) {
  return value.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
