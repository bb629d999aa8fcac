import { DateTime } from 'luxon'

/**
 * Reminder stages in days before expiry, largest first: the studio's first reminder
 * (galleryReminderDays, 7 by default), then 3 days and 1 day before. 0 turns reminders off.
 */
export function reminderStages(firstReminderDays: number): number[] {
  if (firstReminderDays <= 0) return []
  return [...new Set([firstReminderDays, 3, 1])].filter((days) => days <= firstReminderDays).sort((a, b) => b - a)
}

/**
 * The stage a gallery is in now: the smallest stage not smaller than the time left.
 * A run that was missed never sends a burst: 2.5 days before, only the 3-day one is due.
 */
export function dueStage(expiresAt: DateTime, now: DateTime, stages: number[]): number | null {
  const daysLeft = expiresAt.diff(now, 'days').days
  if (daysLeft <= 0) return null
  const due = stages.filter((stage) => daysLeft <= stage)
  return due.length ? Math.min(...due) : null
}

/** "today", "tomorrow", "in 3 days", counted in calendar days where the studio is. */
export function describeWhen(expiresAt: DateTime, now: DateTime, timezone: string) {
  const days = Math.round(expiresAt.setZone(timezone).startOf('day').diff(now.setZone(timezone).startOf('day'), 'days').days)
  if (days <= 0) return 'today'
  return days === 1 ? 'tomorrow' : `in ${days} days`
}

export function formatExpiryDate(expiresAt: DateTime, timezone: string) {
  return expiresAt.setZone(timezone).toLocaleString(DateTime.DATE_HUGE)
}
