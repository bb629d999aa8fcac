/**
 * The centred region of a picture that fills a print of `size` ("8x10", "16x20"), turned
 * to the picture's orientation. Null when the size says nothing about shape (a mug) or
 * the picture already has it.
 */
export function printCrop(width: number, height: number, size: string | null) {
  const match = size?.match(/^(\d+(?:\.\d+)?)\s*x\s*(\d+(?:\.\d+)?)$/i)
  if (!match || !width || !height) return null
  const [a, b] = [Number(match[1]), Number(match[2])]
  const ratio = width >= height ? Math.max(a, b) / Math.min(a, b) : Math.min(a, b) / Math.max(a, b)
  let cropWidth = width
  let cropHeight = Math.round(width / ratio)
  if (cropHeight > height) {
    cropHeight = height
    cropWidth = Math.round(height * ratio)
  }
  if (cropWidth === width && cropHeight === height) return null
  return { left: Math.floor((width - cropWidth) / 2), top: Math.floor((height - cropHeight) / 2), width: cropWidth, height: cropHeight }
}
