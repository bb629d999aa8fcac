import type { Page } from 'playwright'
import PairKioskDevice from '#actions/kiosk/pair_kiosk_device'
import { UserFactory } from '#database/factories/user_factory'
import { actors } from '#support/actor'

/** A tablet-sized page that types a fresh pairing code, then signs a staff member in by PIN. */
export async function pairAndSignIn(page: Page, staffName: string, pin = '2468') {
  const admin = await UserFactory.apply('admin').create()
  const { code } = await PairKioskDevice.handle(actors.user(admin), 'Front desk')
  await page.setViewportSize({ width: 1024, height: 768 })
  await page.goto('/kiosk/pairing')
  await page.getByLabel('Pairing code').fill(code)
  await page.getByRole('button', { name: 'Pair tablet' }).click()
  await page.getByText(staffName).click()
  await page.getByLabel('PIN').fill(pin)
  await page.getByRole('button', { name: 'Sign in with PIN' }).click()
  await page.waitForURL('**/kiosk')
}

/** A finger's squiggle across a signature pad. */
export async function drawSignature(page: Page, selector = 'canvas.signature-pad') {
  await page.locator(selector).scrollIntoViewIfNeeded()
  const box = (await page.locator(selector).boundingBox())!
  await page.mouse.move(box.x + 20, box.y + box.height / 2)
  await page.mouse.down()
  for (let step = 1; step <= 12; step++) await page.mouse.move(box.x + 20 + step * 25, box.y + box.height / 2 + (step % 2 ? -25 : 25))
  await page.mouse.up()
}
