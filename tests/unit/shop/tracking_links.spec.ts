import { test } from '@japa/runner'
import { carrierOf, trackingLink, trackingLinks } from '#shop/tracking_links'

test.group('Shop tracking links', () => {
  test('the carrier is read from the number’s format', ({ assert }) => {
    assert.equal(carrierOf('1Z999AA10123456784'), 'UPS')
    assert.equal(carrierOf('1z999aa1 0123456784'), 'UPS')
    assert.equal(carrierOf('9400111899223344556677'), 'USPS')
    assert.equal(carrierOf('92055901755477000000'), 'USPS')
    assert.equal(carrierOf('EC123456789US'), 'USPS')
    assert.equal(carrierOf('123456789012'), 'FedEx')
    assert.equal(carrierOf('123456789012345'), 'FedEx')
    assert.equal(carrierOf('1234567890'), 'DHL')
    assert.isNull(carrierOf('LAB-42'))
    assert.isNull(carrierOf('12345678901234567890'))
  })

  test('each number links to its carrier’s tracking page', ({ assert }) => {
    assert.deepEqual(trackingLink(' 1Z999AA10123456784 '), {
      number: '1Z999AA10123456784',
      carrier: 'UPS',
      url: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
    })
    assert.equal(trackingLink('9400 1118 9922 3344 5566 77').url, 'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223344556677')
    assert.equal(trackingLink('123456789012').url, 'https://www.fedex.com/fedextrack/?trknbr=123456789012')
    assert.equal(trackingLink('1234567890').url, 'https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id=1234567890')
  })

  test('a stored carrier wins over the format; an unknown format falls back to a parcel search', ({ assert }) => {
    assert.equal(trackingLink('1234567890', 'FedEx').url, 'https://www.fedex.com/fedextrack/?trknbr=1234567890')
    assert.deepEqual(trackingLink('LAB/42?x'), { number: 'LAB/42?x', carrier: null, url: 'https://parcelsapp.com/en/tracking/LAB%2F42%3FX' })
  })

  test('an order’s list of numbers becomes links, blanks dropped', ({ assert }) => {
    assert.deepEqual(trackingLinks(['1Z999AA10123456784', ' ', null, '1234567890']).map((l) => l.carrier), ['UPS', 'DHL'])
    assert.deepEqual(trackingLinks(null), [])
  })
})
