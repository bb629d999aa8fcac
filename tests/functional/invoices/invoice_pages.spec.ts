import { test } from '@japa/runner'
import { ApiRequest } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import Invoice from '#models/invoice'
import EmailLog from '#models/email_log'
import StatusChange from '#models/status_change'
import { UserFactory } from '#database/factories/user_factory'
import { InvoiceFactory } from '#database/factories/invoice_factory'
import { InvoiceItemFactory } from '#database/factories/invoice_item_factory'
import { resetRateLimits } from '#tests/support/throttle'

// PDFs come back as bytes (superagent only buffers text and images by default).
ApiRequest.addParser('application/pdf', (response: any, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = []
  response.on('data', (chunk: Buffer) => chunks.push(chunk))
  response.on('end', () => done(null, Buffer.concat(chunks)))
})

async function familyInvoice(state: 'open' | 'paid' | null = 'open') {
  const family = await UserFactory.apply('customer').merge({ firstName: 'Maya', lastName: 'Rivera' }).create()
  const invoice = await (state ? InvoiceFactory.apply(state) : InvoiceFactory).merge({ userId: family.id, subtotal: 25_000, taxAmount: 0, total: 25_000, kind: 'balance' }).create()
  await InvoiceItemFactory.merge({ invoiceId: invoice.id, description: 'Balance for session S-2026-000042 (Rockstar Mini)', quantity: 1, unitAmount: 25_000, position: 0 }).create()
  if (state === 'paid') await Invoice.query().where('id', invoice.id).update({ amount_paid: 25_000 })
  return { family, invoice }
}

test.group('Invoices: portal and admin pages', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRateLimits())

  test('a family lists and opens its issued invoices, and downloads the PDF', async ({ client, assert }) => {
    const { family, invoice } = await familyInvoice('open')
    await familyInvoice('open') // another family's
    const list = await client.get('/portal/invoices').loginAs(family)
    list.assertStatus(200)
    list.assertTextIncludes(invoice.number)
    assert.equal(list.text().match(/INV-\d{4}-\d{6}/g)?.length, 1)

    const page = await client.get(`/portal/invoices/${invoice.id}`).loginAs(family)
    page.assertStatus(200)
    page.assertTextIncludes('Balance for session S-2026-000042 (Rockstar Mini)')
    page.assertTextIncludes('$250.00')
    page.assertTextIncludes('css/invoice.css')

    const pdf = await client.get(`/portal/invoices/${invoice.id}/pdf`).loginAs(family)
    pdf.assertStatus(200)
    pdf.assertHeader('content-type', 'application/pdf')
    assert.include(pdf.header('content-disposition'), `${invoice.number}.pdf`)
    const body: Buffer = pdf.body()
    assert.isTrue(Buffer.isBuffer(body))
    assert.equal(body.subarray(0, 5).toString(), '%PDF-')
    assert.isAbove(body.length, 1000)
  })

  test('a family gets 404 for another family’s invoice and for its own draft', async ({ client }) => {
    const { invoice } = await familyInvoice('open')
    const { family, invoice: draft } = await familyInvoice(null)
    ;(await client.get(`/portal/invoices/${invoice.id}`).loginAs(family)).assertStatus(404)
    ;(await client.get(`/portal/invoices/${invoice.id}/pdf`).loginAs(family)).assertStatus(404)
    ;(await client.get(`/portal/invoices/${draft.id}`).loginAs(family)).assertStatus(404)
  })

  test('admins filter invoices by status and number; families and staff are kept out', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { family, invoice: open } = await familyInvoice('open')
    const { invoice: paid } = await familyInvoice('paid')
    const filtered = await client.get('/admin/invoices').qs({ status: 'open' }).loginAs(admin)
    filtered.assertStatus(200)
    filtered.assertTextIncludes(open.number)
    assert.notInclude(filtered.text(), paid.number)
    const byNumber = await client.get('/admin/invoices').qs({ q: paid.number.toLowerCase() }).loginAs(admin)
    byNumber.assertTextIncludes(paid.number)
    assert.notInclude(byNumber.text(), open.number)
    ;(await client.get('/admin/invoices').qs({ status: 'bogus' }).loginAs(admin).redirects(0)).assertStatus(302)
    ;(await client.get('/admin/invoices').loginAs(family).redirects(0)).assertStatus(403)
    ;(await client.get(`/admin/invoices/${open.id}`).loginAs(await UserFactory.apply('staff').create()).redirects(0)).assertStatus(403)
  })

  test('an admin opens and sends a draft once, the family is emailed its link; a draft with nothing paid can be voided', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { family, invoice } = await familyInvoice(null)
    const send = () => client.post(`/admin/invoices/${invoice.id}/sending`).loginAs(admin).withCsrfToken().redirects(0)
    const first = await send()
    first.assertStatus(303)
    assert.equal(first.flashMessages().success, `Invoice ${invoice.number} opened and sent to ${family.email}.`)
    const stored = await Invoice.findOrFail(invoice.id)
    assert.equal(stored.status, 'open')
    assert.isNotNull(stored.sentAt)
    const mail = await EmailLog.query().where('subject', `Invoice ${invoice.number}: $250.00 due`).firstOrFail()
    assert.equal(mail.to, family.email)
    assert.include(mail.text ?? mail.html ?? '', `/portal/invoices/${invoice.id}`)
    ;(await send()).assertStatus(303) // "send again" on an open invoice
    const opened = await StatusChange.query().where('subject_id', invoice.id).where('to_status', 'open')
    assert.lengthOf(opened, 1)

    const voided = await client.post(`/admin/invoices/${invoice.id}/void`).form({ reason: 'Booked twice' }).loginAs(admin).withCsrfToken().redirects(0)
    assert.equal(voided.flashMessages().success, `Invoice ${invoice.number} is void.`)
    assert.equal((await Invoice.findOrFail(invoice.id)).status, 'void')
  })

  test('an invoice with money paid on it is not voided', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { invoice } = await familyInvoice('open')
    await Invoice.query().where('id', invoice.id).update({ amount_paid: 5_000 })
    const response = await client.post(`/admin/invoices/${invoice.id}/void`).loginAs(admin).withCsrfToken().redirects(0)
    assert.equal(response.flashMessages().error, 'Money was paid on this invoice: refund the payments instead of voiding it.')
    assert.equal((await Invoice.findOrFail(invoice.id)).status, 'open')
  })
})
