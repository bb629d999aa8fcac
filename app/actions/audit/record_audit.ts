import type { HttpContext } from '@adonisjs/core/http'
import AuditLog from '#models/audit_log'

export interface AuditEntry {
  action: string
  subject?: { type: string; id: string } | null
  details?: Record<string, unknown> | null
}

/** Records one admin write: who did what to which record, from where. */
export default class RecordAudit {
  static async handle(ctx: Pick<HttpContext, 'auth' | 'request'> | null, entry: AuditEntry) {
    return AuditLog.create({
      actorId: ctx?.auth.user?.id ?? null,
      action: entry.action,
      subjectType: entry.subject?.type ?? null,
      subjectId: entry.subject?.id ?? null,
      details: entry.details ?? null,
      ip: ctx?.request.ip() ?? null,
    })
  }
}
