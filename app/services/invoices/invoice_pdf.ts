import PDFDocument from 'pdfkit'
import type Invoice from '#models/invoice'
import type StudioSetting from '#models/studio_setting'
import { formatMoney } from '#services/money/format_money'

/**
 * An invoice as a PDF (pdfkit, its built-in Helvetica: no font files to ship). The
 * invoice's items must be loaded. Returns the whole file: invoices are one page or two.
 */
export function invoicePdf(invoice: Invoice, studio: StudioSetting): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Invoice ${invoice.number}`, Author: studio.name } })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  const money = (cents: number) => formatMoney(cents, invoice.currency)

  doc.font('Helvetica-Bold').fontSize(20).text(studio.name)
  doc.font('Helvetica').fontSize(10).fillColor('#555')
  if (studio.address) doc.text(studio.address)
  if (studio.email) doc.text(studio.email)
  doc.moveDown()
  doc.fillColor('#000').font('Helvetica-Bold').fontSize(16).text(`Invoice ${invoice.number}`)
  doc.font('Helvetica').fontSize(10)
  doc.text(`Status: ${invoice.status}`)
  if (invoice.issuedAt) doc.text(`Issued: ${invoice.issuedAt.toFormat('d LLL yyyy')}`)
  if (invoice.dueOn) doc.text(`Due: ${invoice.dueOn.toFormat('d LLL yyyy')}`)
  doc.moveDown()
  doc.font('Helvetica-Bold').text('Billed to')
  doc.font('Helvetica')
  if (invoice.billedToName) doc.text(invoice.billedToName)
  if (invoice.billedToEmail) doc.text(invoice.billedToEmail)
  doc.moveDown()

  const columns = { description: 50, quantity: 340, unit: 390, total: 470 }
  const row = (cells: [string, string, string, string], bold = false) => {
    const y = doc.y
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica')
    doc.text(cells[0], columns.description, y, { width: 280 })
    const end = doc.y
    doc.text(cells[1], columns.quantity, y, { width: 40, align: 'right' })
    doc.text(cells[2], columns.unit, y, { width: 70, align: 'right' })
    doc.text(cells[3], columns.total, y, { width: 75, align: 'right' })
    doc.x = columns.description
    doc.y = Math.max(end, doc.y) + 4
  }
  row(['Description', 'Qty', 'Unit', 'Amount'], true)
  for (const item of invoice.items) row([item.description, String(item.quantity), money(item.unitAmount), money(item.lineTotal)])
  doc.moveDown()
  const totals: [string, number][] = [['Subtotal', invoice.subtotal]]
  if (invoice.discountAmount) totals.push(['Discount', -invoice.discountAmount])
  totals.push([`Tax (${(studio.taxRateBps / 100).toFixed(2)} %${invoice.kind === 'order' ? ', by region' : ', included'})`, invoice.taxAmount], ['Total', invoice.total], ['Paid', invoice.amountPaid])
  if (invoice.refundedAmount) totals.push(['Refunded', -invoice.refundedAmount])
  totals.push(['Balance due', invoice.balance])
  for (const [label, cents] of totals) row([label, '', '', money(cents)], label === 'Total' || label === 'Balance due')
  if (invoice.notes) {
    doc.moveDown()
    doc.font('Helvetica').fillColor('#555').text(invoice.notes, columns.description)
  }
  doc.end()
  return done
}
