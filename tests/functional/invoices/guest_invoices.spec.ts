import { test } from '@japa/runner'
import { ApiRequest } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import Invoice from '#models/invoice'
import EmailLog from '#models/email_log'
import { orderUrl } from '#actions/shop/confirm_order'
import MarkPaymentReceived from '#actions/payments/mark_payment_received'
import RefundPayment from '#actions/payments/refund_payment'
import { actors } from '#support/actor'
import { UserFactory } from '#database/factories/user_factory'
import type { LocalStripe } from '#services/payments/local_stripe/server'
import { artworkForSale } from '#tests/support/shop'
import { placeGuestOrder } from '#tests/support/checkout'
import { payOnHostedPage, useLocalStripe } from '#tests/support/stripe'
import { lastDeliveredTo, linkIn } from '#tests/support/mail'

// PDFs come back as bytes (superagent only buffers text and images by default).
ApiRequest.addParser('application/pdf', (response: any, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = []
  response.on('data', (chunk: Buffer) => chunks.push(chunk))
  response.on('end', () => done(null, Buffer.concat(chunks)))
})

/** The href of the first link on a page whose text is `label`, unescaped. */
function linkLabelled(html: string, label: string) {
  const href = html.match(new RegExp(`<a[^>]*href="([^"]+)"[^>]*>\\s*${label}`))?.[1]
  if (!href) throw new Error(`No link labelled ${label}`)
  return href.replace(/&amp;/g, '&')
}

const LINE = 'Electric Riff — 8x10 print, lustre'

test.group('Invoices: a guest’s paid order', (group) => {
  let stripe: LocalStripe
  useLocalStripe(group, (started) => (stripe = started))

  test('a guest pays by card: one paid invoice billed to them, named in the receipt and linked from the order page, opened and downloaded through its signed link', async ({ client, assert }) => {
    const { smallOption } = await artworkForSale()
    const { order, payAt } = await placeGuestOrder(client, smallOption.id)
    await payOnHostedPage(payAt)
    await stripe.flushWebhooks()

    const invoices = await Invoice.query().where('order_id', order.id)
    assert.lengthOf(invoices, 1)
    const [invoice] = invoices
    assert.match(invoice.number, /^INV-\d{4}-\d{6}$/)
    assert.equal(invoice.status, 'paid')
    assert.isNull(invoice.userId)
    assert.equal(invoice.billedToEmail, 'guest@example.com')
    assert.equal(invoice.billedToName, 'Joan Jett')
    assert.equal(invoice.total, 6_163)
    assert.equal(invoice.amountPaid, 6_163)

    const receipt = lastDeliveredTo('guest@example.com')
    assert.equal(receipt.subject, `Receipt: $61.63 for order ${order.orderNumber}`)
    assert.include(receipt.text!, `Invoice ${invoice.number}`)
    const fromEmail = linkIn(receipt, `/invoices/${invoice.id}`)
    // The link opens the invoice without signing in: the studio's email log keeps it masked.
    const logged = await EmailLog.query().where('subject', receipt.subject).firstOrFail()
    assert.include(logged.text!, `Invoice ${invoice.number}`)
    assert.notInclude(logged.text!, new URL(fromEmail, 'http://x').searchParams.get('signature')!)

    const orderPage = await client.get(orderUrl(order))
    orderPage.assertStatus(200)
    const fromOrder = linkLabelled(orderPage.text(), `Invoice ${invoice.number}`)
    assert.equal(fromOrder, fromEmail)

    const page = await client.get(fromOrder)
    page.assertStatus(200)
    page.assertTextIncludes(`Invoice ${invoice.number}`)
    page.assertTextIncludes(LINE)
    page.assertTextIncludes('Joan Jett')
    page.assertTextIncludes('guest@example.com')
    page.assertTextIncludes('$61.63')

    const pdf = await client.get(linkLabelled(page.text(), 'Download PDF'))
    pdf.assertStatus(200)
    pdf.assertHeader('content-type', 'application/pdf')
    assert.include(pdf.header('content-disposition'), `${invoice.number}.pdf`)
    assert.equal((pdf.body() as Buffer).subarray(0, 5).toString(), '%PDF-')
  })
})

test.group('Invoices: a guest’s order paid at the studio', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  async function paidAtDesk(client: any, smallOptionId: string, fields: Record<string, string> = {}) {
    const { order, payment } = await placeGuestOrder(client, smallOptionId, fields)
    const desk = await UserFactory.apply('staff').create()
    const received = await MarkPaymentReceived.handle(actors.user(desk), payment, 'cash')
    if (!received.ok) throw new Error(`The desk could not take payment ${payment.id}: ${received.reason}`)
    await payment.refresh()
    const invoice = await Invoice.query().where('order_id', order.id).firstOrFail()
    return { order, payment, invoice }
  }

  test('nobody else opens a guest’s invoice: no signature, a tampered one, another guest’s, or an account gets 404', async ({ client, assert }) => {
    const { smallOption } = await artworkForSale()
    const { order, invoice } = await paidAtDesk(client, smallOption.id)
    const other = await paidAtDesk(client, smallOption.id, { email: 'other@example.com', name: 'Debbie Harry' })
    assert.equal(invoice.status, 'paid')
    assert.equal(other.invoice.billedToEmail, 'other@example.com')

    const mine = linkLabelled((await client.get(orderUrl(order))).text(), `Invoice ${invoice.number}`)
    const theirs = linkLabelled((await client.get(orderUrl(other.order))).text(), `Invoice ${other.invoice.number}`)
    ;(await client.get(mine)).assertStatus(200)
    const signature = (link: string) => new URL(link, 'http://x').searchParams.get('signature')!

    ;(await client.get(`/invoices/${invoice.id}`)).assertStatus(404)
    ;(await client.get(`/invoices/${invoice.id}/pdf`)).assertStatus(404)
    ;(await client.get(mine.replace(/signature=[^&]+/, 'signature=forged'))).assertStatus(404)
    ;(await client.get(`/invoices/${invoice.id}?signature=${signature(theirs)}`)).assertStatus(404)
    ;(await client.get(`/invoices/${invoice.id}/pdf?signature=${signature(theirs)}`)).assertStatus(404)
    ;(await client.get(`/invoices/${invoice.id}`).loginAs(await UserFactory.apply('customer').create())).assertStatus(404)
    // The order's own signature opens the order, not its invoice.
    ;(await client.get(`/invoices/${invoice.id}?signature=${signature(orderUrl(order))}`)).assertStatus(404)
  })

  test('a refund of a guest’s payment is recorded on their invoice', async ({ client, assert }) => {
    const { smallOption } = await artworkForSale()
    const { payment, invoice } = await paidAtDesk(client, smallOption.id)
    const admin = await UserFactory.apply('admin').create()
    const refunded = await RefundPayment.handle(actors.user(admin), payment, { amount: 1_000, reason: 'One print scuffed', idempotencyKey: 'guest-r1' })
    assert.isTrue(refunded.ok)
    await invoice.refresh()
    assert.equal(invoice.refundedAmount, 1_000)
    assert.equal(invoice.status, 'paid')

    const page = await client.get(linkLabelled((await client.get(orderUrl(await invoice.related('order').query().firstOrFail()))).text(), `Invoice ${invoice.number}`))
    page.assertTextIncludes('Refunded')
    page.assertTextIncludes('−$10.00')
  })

  test('the studio sees a guest’s invoice billed to the guest, finds it by their email and downloads it', async ({ client, assert }) => {
    const { smallOption } = await artworkForSale()
    const { invoice } = await paidAtDesk(client, smallOption.id)
    const admin = await UserFactory.apply('admin').create()

    const list = await client.get('/admin/invoices').qs({ q: 'guest@example' }).loginAs(admin)
    list.assertStatus(200)
    list.assertTextIncludes(invoice.number)
    list.assertTextIncludes('Joan Jett')
    list.assertTextIncludes('guest@example.com')

    const show = await client.get(`/admin/invoices/${invoice.id}`).loginAs(admin)
    show.assertStatus(200)
    show.assertTextIncludes('Joan Jett')
    show.assertTextIncludes(LINE)

    const pdf = await client.get(`/admin/invoices/${invoice.id}/pdf`).loginAs(admin)
    pdf.assertStatus(200)
    assert.include(pdf.header('content-disposition'), `${invoice.number}.pdf`)
  })
})
