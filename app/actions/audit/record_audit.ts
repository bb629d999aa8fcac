import AuditLog from '#models/audit_log'
import type { Actor } from '#support/actor'

export interface AuditEntry {
  action: string
  subject?: { type: string; id: string } | null
  details?: Record<string, unknown> | null
}

/** Records one admin write: who did what to which record, from where. */
export default class RecordAudit {
  static async handle(actor: Actor | null, entry: AuditEntry) {
    return AuditLog.create({
      actorId: actor?.userId ?? null,
      action: entry.action,
      subjectType: entry.subject?.type ?? null,
      subjectId: entry.subject?.id ?? null,
      // A command or job has no user: its label says which one it was.
      details: actor?.label ? { ...entry.details, by: actor.label } : (entry.details ?? null),
      ip: actor?.ip ?? null,
    })
  }
}
