import QRCode from 'qrcode'

/**
 * The check-in QR code of a photo session: it carries the session's check-in token, never
 * its id, so the kiosk can find the session from the code alone. PNG for emails (inline
 * image), SVG for pages (no data: URL needed).
 */
export function checkInQrPng(token: string) {
  return QRCode.toBuffer(token, { type: 'png', width: 240, margin: 2, errorCorrectionLevel: 'M' })
}

export function checkInQrSvg(token: string) {
  return QRCode.toString(token, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' })
}
