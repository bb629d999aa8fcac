/*
| The demo card: the local server speaking Stripe's API (app/services/payments/local_stripe),
| started by `npm start` outside production when no Stripe key is set, so a newcomer pays a
| deposit through the real Stripe code path and no money moves. Prints one line when ready.
|   node --import=ts-node-maintained/register/esm bin/local_stripe.ts <port> <webhook url>
*/
import { LocalStripe } from '#services/payments/local_stripe/server'

const [port, webhookUrl] = process.argv.slice(2)
const stripe = new LocalStripe({ port: Number(port), webhookUrl, secretKey: 'sk_test_demo_card', webhookSecret: 'whsec_demo_card' })
process.on('uncaughtException', (error) => {
  console.error(`  Demo card unavailable (${error.message}): card payments will fail; set DEMO_CARD=false to pay at the studio.`)
  process.exit(1)
})
await stripe.start()
console.log(`  Demo card — no money moves: local Stripe server at ${stripe.url}`)
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stripe.stop().then(() => process.exit(0)))
