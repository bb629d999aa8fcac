/*
| Every recurring job, one line each. Run with `node ace scheduler:run`.
*/
import scheduler from 'adonisjs-scheduler/services/main'

// Purge expired password-reset and verification tokens, and stale rate-limit rows.
scheduler.command('tokens:purge').daily()
