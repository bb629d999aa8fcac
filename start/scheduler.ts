/*
| Every recurring job, one line each. Run with `node ace scheduler:run`.
*/
import scheduler from 'adonisjs-scheduler/services/main'

// Purge expired password-reset and verification tokens, and stale rate-limit rows.
scheduler.command('tokens:purge').daily()

// Expire galleries past their date (never deleted) and send the "expired" notice, before anyone is up.
scheduler.command('galleries:expire').dailyAt('03:00')

// Remind families and engaged visitors 7, 3 and 1 days before a gallery expires, at a civil hour.
scheduler.command('galleries:remind').dailyAt('09:00')

// Session reminders: two days ahead with the checklist, and from 7:00 studio time on the day; each once.
scheduler.command('sessions:remind').hourly()

// The print shop: release orders past their review window, send items to the labs, poll for tracking.
scheduler.command('fulfillment:sync').everyThirtyMinutes()

// Billing: heads-ups 3 days ahead, then charge due plan installments once each (retries 1/3/5 days after a decline).
scheduler.command('billing:run').hourly()
