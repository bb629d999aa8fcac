import type { Page } from 'playwright'

/** Collects console errors (CSP violations show up there) while a page is used. */
export function watchConsoleErrors(page: Page) {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}
