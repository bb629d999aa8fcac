import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#models/user'
import { UserFactory, FACTORY_PASSWORD } from '#database/factories/user_factory'
import { lastDeliveredTo, linkIn } from '#tests/support/mail'
import { watchConsoleErrors, signInThroughForm } from '#tests/support/browser'
import { JobWorker } from '#services/jobs/worker'
import { resetRateLimits } from '#tests/support/throttle'

test.group('Journey: a family creates an account', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRateLimits())

  test('sign up, confirm the email from the emailed link (which signs in), sign out, sign in again', async ({ visit, assert }) => {
    const page = await visit('/signup')
    const consoleErrors = watchConsoleErrors(page)
    await page.getByLabel('First name').fill('Marta')
    await page.getByLabel('Last name').fill('Lindqvist')
    await page.getByLabel('Email').fill('marta@example.com')
    await page.getByLabel('Password', { exact: true }).fill('northern lights over oslo')
    await page.getByLabel('Repeat the password').fill('northern lights over oslo')
    await page.getByRole('button', { name: 'Create account' }).click()

    await page.assertPath('/signup')
    await page.assertTextContains('body', 'Check your inbox')
    await page.assertTextContains('body', 'marta@example.com')

    await new JobWorker().drain()
    const link = linkIn(lastDeliveredTo('marta@example.com'), '/verify-email/')
    await page.goto(link)
    await page.getByRole('button', { name: 'Confirm my email' }).click()
    await page.assertPath('/portal')
    await page.assertTextContains('body', 'Your email is confirmed. Welcome, Marta!')
    await page.assertTextContains('body', 'Hello, Marta')
    assert.isNotNull((await User.findByOrFail('email', 'marta@example.com')).emailVerifiedAt)

    await page.goto('/portal')
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.assertPath('/login')

    await page.getByLabel('Email').fill('marta@example.com')
    await page.getByLabel('Password').fill('northern lights over oslo')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.assertPath('/portal')
    await page.assertNotExists('text=Confirm your email')
    assert.deepEqual(consoleErrors, [])
  })

  test('a form error is shown beside its field and the flash can be dismissed', async ({ visit }) => {
    const page = await visit('/signup')
    await page.getByLabel('First name').fill('Marta')
    await page.getByLabel('Last name').fill('L')
    await page.getByLabel('Email').fill('not-an-email')
    await page.getByLabel('Password', { exact: true }).fill('short')
    await page.getByLabel('Repeat the password').fill('short')
    await page.getByRole('button', { name: 'Create account' }).click()
    await page.assertTextContains('#field-email-note', 'Enter a valid email address')
    await page.assertTextContains('#field-password-note', 'Use at least 10 characters')
    await page.assertInputValue('#field-firstName', 'Marta')

    const user = await UserFactory.create()
    await page.goto('/forgot-password')
    await page.getByLabel('Email').fill(user.email!)
    await page.getByRole('button', { name: 'Send the link' }).click()
    await page.assertVisible('.flash--success')
    await page.getByRole('button', { name: 'Dismiss' }).click()
    await page.assertNotVisible('.flash--success')
  })
})

test.group('Journey: an admin adds a colleague', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('admin signs in, sees the dashboard, creates a staff account', async ({ visit, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const page = await visit('/login')
    const consoleErrors = watchConsoleErrors(page)
    await signInThroughForm(page, admin.email!, FACTORY_PASSWORD)

    await page.assertPath('/admin')
    await page.assertTextContains('h1', 'Dashboard')
    await page.assertVisible('svg[aria-label="Accounts by role"]')

    await page.getByRole('link', { name: 'Users' }).click()
    await page.getByRole('link', { name: 'New studio account' }).click()
    await page.getByLabel('First name').fill('Desk')
    await page.getByLabel('Last name').fill('Hand')
    await page.getByLabel('Email').fill('desk.hand@example.com')
    await page.getByLabel('Role').selectOption('staff')
    await page.getByRole('button', { name: 'Create account' }).click()

    await page.assertPath('/admin/users')
    await page.assertTextContains('.flash--success', 'Desk Hand can now sign in')
    await page.assertTextContains('table', 'desk.hand@example.com')
    assert.equal((await User.findByOrFail('email', 'desk.hand@example.com')).role, 'staff')

    await page.getByLabel('Search').fill('desk.hand')
    await page.waitForURL(/q=desk.hand/)
    await page.assertTextContains('#users-table', 'Desk Hand')
    assert.notInclude(await page.locator('#users-table').innerText(), admin.email!)
    assert.deepEqual(consoleErrors, [])
  })
})

test.group('Journey: the wrong door', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a customer opening /admin sees the 403 page', async ({ browserContext, visit }) => {
    const customer = await UserFactory.create()
    await browserContext.loginAs(customer)
    const page = await visit('/admin')
    await page.assertTextContains('h2', 'Access denied')
    await page.assertTextContains('body', 'You do not have access to this page.')
  })
})
