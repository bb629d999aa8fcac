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
