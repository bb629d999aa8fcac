/** `attachment; filename="001-lindqvist.jpg"`: our names are ASCII slugs and digits. */
export function attachment(filename: string) {
  const safe = filename.replace(/[^A-Za-z0-9._-]/g, '_')
  return `attachment; filename="${safe}"`
}
