const escape = (value: unknown) =>
  String(value ?? '').replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!)

function money(cents: number | null, currency: string | null) {
  if (cents === null) return ''
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: (currency ?? 'usd').toUpperCase() }).format(cents / 100)
}

/**
 * The local server's stand-in for Stripe's hosted Checkout page: labelled everywhere as a
 * demo card on which no money moves, with the test cards to try.
 */
export function checkoutPage(session: Record<string, any>, error: string | null) {
  const paying = session.mode === 'payment'
  const title = paying ? `Pay ${money(session.amount_total, session.currency)}` : 'Save a card for later payments'
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Demo card — no money moves</title><link rel="icon" href="data:,">
<style>
  body { font-family: system-ui, sans-serif; background: #f6f5f2; color: #1d1d1f; margin: 0; }
  main { max-width: 26rem; margin: 2rem auto; background: #fff; border-radius: 12px; padding: 1.5rem; box-shadow: 0 1px 4px #0002; }
  .banner { background: #fff3c4; border: 2px dashed #b98900; border-radius: 8px; padding: .75rem; font-weight: 600; margin-bottom: 1rem; }
  label { display: block; margin: .75rem 0 .25rem; font-size: .9rem; }
  input { width: 100%; box-sizing: border-box; padding: .6rem; font-size: 1rem; border: 1px solid #bbb; border-radius: 6px; }
  .row { display: flex; gap: .5rem; } .row > div { flex: 1; }
  button { width: 100%; margin-top: 1rem; padding: .75rem; font-size: 1rem; border: 0; border-radius: 6px; background: #1d1d1f; color: #fff; cursor: pointer; }
  button.link { background: none; color: #555; text-decoration: underline; margin-top: .5rem; }
  .error { color: #a00; background: #fee; padding: .5rem; border-radius: 6px; }
  ul { font-size: .85rem; color: #555; padding-left: 1.2rem; }
  code { font-size: .85rem; }
</style></head>
<body><main>
  <p class="banner" data-demo-card>Demo card — no money moves. This page stands in for Stripe Checkout on a local test server.</p>
  <h1>${escape(title)}</h1>
  ${session.line_items_description ? `<p>${escape(session.line_items_description)}</p>` : ''}
  ${error ? `<p class="error" role="alert">${escape(error)}</p>` : ''}
  <form method="post" action="/checkout/${escape(session.id)}">
    <label for="card_number">Card number</label>
    <input id="card_number" name="card_number" inputmode="numeric" autocomplete="off" value="4242 4242 4242 4242">
    <div class="row">
      <div><label for="expiry">Expiry</label><input id="expiry" name="expiry" value="12 / 34"></div>
      <div><label for="cvc">CVC</label><input id="cvc" name="cvc" value="123"></div>
    </div>
    <button type="submit" name="action" value="pay">${paying ? `Pay ${escape(money(session.amount_total, session.currency))} with the demo card` : 'Save the demo card'}</button>
    ${session.cancel_url ? '<button type="submit" class="link" name="action" value="cancel">Cancel and go back</button>' : ''}
  </form>
  <p>Test cards:</p>
  <ul>
    <li><code>4242 4242 4242 4242</code> succeeds</li>
    <li><code>4000 0000 0000 0002</code> is declined</li>
    <li><code>4000 0000 0000 9995</code> is declined: insufficient funds</li>
  </ul>
</main></body></html>`
}
