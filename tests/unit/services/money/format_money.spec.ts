import { test } from '@japa/runner'
import { formatMoney, moneyFormatter } from '#services/money/format_money'

/** Counts the Intl.NumberFormat objects built while `work` runs. */
function countFormatters(work: () => void) {
  const NumberFormat = Intl.NumberFormat
  let built = 0
  Intl.NumberFormat = function (...args: ConstructorParameters<typeof NumberFormat>) {
    built++
    return new NumberFormat(...args)
  } as unknown as typeof NumberFormat
  try {
    work()
  } finally {
    Intl.NumberFormat = NumberFormat
  }
  return built
}

test.group('formatMoney', () => {
  test('formats integer cents in the currency', ({ assert }) => {
    assert.equal(formatMoney(1500), '$15.00')
    assert.equal(formatMoney(123456, 'EUR'), '€1,234.56')
    assert.equal(formatMoney(-250, 'GBP'), '-£2.50')
  })

  test('builds one formatter per currency and reuses it', ({ assert }) => {
    assert.strictEqual(moneyFormatter('CHF'), moneyFormatter('CHF'))
    assert.notStrictEqual(moneyFormatter('CHF'), moneyFormatter('USD'))
    const built = countFormatters(() => {
      for (let cents = 0; cents < 100; cents++) formatMoney(cents, 'CAD')
    })
    assert.isAtMost(built, 1)
  })
})
