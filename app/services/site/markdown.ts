import { Marked } from 'marked'

/**
 * Content pages are Markdown written in the admin. Raw HTML in them is dropped, not
 * passed through: a page can't carry a script or a form into the public site.
 */
const markdown = new Marked({ gfm: true, breaks: false, renderer: { html: () => '' } })

export function renderMarkdown(source: string): string {
  return markdown.parse(source, { async: false }) as string
}

/** The text's first words, for a meta description. */
export function plainSummary(source: string, length = 160): string {
  const text = source.replace(/[#>*_`\[\]()!-]/g, ' ').replace(/\s+/g, ' ').trim()
  return text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text
}
