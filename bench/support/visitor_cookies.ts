/**
 * Enters a gallery the way a visitor does, over HTTP against the running server: opens
 * /g/:slug (the locked page sets the HTTP session and carries the CSRF token), posts the
 * entry form with the access code and an email, and keeps the cookies it is given (the
 * encrypted visitor cookie among them). Returns them as one Cookie header.
 */
export async function enterGallery(baseUrl: string, slug: string, code: string, email: string): Promise<string> {
  const jar = new Map<string, string>()
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const name = pair.slice(0, pair.indexOf('='))
      jar.set(name, pair.slice(name.length + 1))
    }
  }
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
  const pageUrl = `${baseUrl}/g/${encodeURIComponent(slug)}`

  const locked = await fetch(pageUrl, { redirect: 'manual' })
  keep(locked)
  const html = await locked.text()
  const csrf = html.match(/name=["']_csrf["']\s+value=["']([^"']+)["']/)?.[1]
  if (locked.status !== 200 || !csrf) throw new Error(`GET ${pageUrl} → ${locked.status}, expected the locked page with its entry form`)

  const form = new URLSearchParams({ _csrf: csrf, code, email })
  const admitted = await fetch(`${pageUrl}/visitors`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'cookie': cookieHeader() },
    body: form,
  })
  keep(admitted)
  if (admitted.status !== 303 || ![...jar.keys()].some((name) => name.startsWith('gv_'))) {
    throw new Error(`POST ${pageUrl}/visitors → ${admitted.status} without a visitor cookie: the entry form was refused`)
  }
  return cookieHeader()
}
