import type Artwork from '#models/artwork'
import type Photo from '#models/photo'

/**
 * What a cart or order line is a print of, as the customer and the studio read it: the
 * artwork's title, or "Your photo IMG_0042" for a gallery photo (by its file name). Needs
 * `artwork` and `photo.mediaAsset` loaded.
 */
export function printSubjectOf(line: { artwork?: Artwork | null; photo?: Photo | null }) {
  if (line.artwork) return line.artwork.title
  if (!line.photo) return null
  const name = line.photo.mediaAsset?.originalFilename?.replace(/\.[a-z0-9]+$/i, '')
  return name ? `Your photo ${name}` : 'Your photo'
}
