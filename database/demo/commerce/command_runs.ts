import { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import CommandRun, { type CommandRunStatus, type CommandSummary } from '#models/command_run'
import { demoUuid } from '#database/demo/crm/demo_uuid'

type RunSpec = {
  slot: string
  command: string
  startedAt: DateTime
  seconds: number
  status: CommandRunStatus
  summary: CommandSummary
  error?: string
}

/** A week of the scheduler's work as the admin screen shows it, one failed billing run included. */
function plan(now: DateTime): RunSpec[] {
  const day = now.startOf('day')
  const runs: RunSpec[] = []
  for (let ago = 6; ago >= 0; ago--) {
    const failed = ago === 3
    runs.push({
      slot: `billing:run:${ago}d`,
      command: 'billing:run',
      startedAt: day.minus({ days: ago }).set({ hour: 6 }),
      seconds: failed ? 4 : 20 + ago,
      status: failed ? 'failed' : 'succeeded',
      summary: failed
        ? { charged: 1, failed: 0 }
        : { charged: 2 + (ago % 3), failed: ago % 2, total: (2 + (ago % 3)) * 15_000 },
      error: failed ? 'Stripe did not answer within 30 s (ETIMEDOUT); the next run retries.' : undefined,
    })
    runs.push({
      slot: `galleries:expire:${ago}d`,
      command: 'galleries:expire',
      startedAt: day.minus({ days: ago }).set({ hour: 2 }),
      seconds: 3,
      status: 'succeeded',
      summary: { expired: ago % 3, reminded: (ago + 1) % 4 },
    })
  }
  for (let hours = 3; hours >= 1; hours--) {
    runs.push({
      slot: `transformations:purge:${hours}h`,
      command: 'transformations:purge',
      startedAt: now.startOf('hour').minus({ hours }),
      seconds: 2,
      status: 'succeeded',
      summary: { purged: hours, files: hours * 2 },
    })
  }
  return runs.filter((run) => run.startedAt < now)
}

/** Found again by an id derived from the run's slot ("billing:run:3d"), so a later rerun adds nothing. */
export async function seedCommandRuns(client: QueryClientContract) {
  const now = DateTime.now()
  for (const run of plan(now)) {
    const id = demoUuid(`commerce:command_run:${run.slot}`)
    if (await CommandRun.find(id, { client })) continue
    const finishedAt = run.startedAt.plus({ seconds: run.seconds })
    await CommandRun.create(
      {
        id,
        command: run.command,
        startedAt: run.startedAt,
        finishedAt: DateTime.min(finishedAt, now),
        status: run.status,
        summary: run.summary,
        error: run.error ?? null,
        createdAt: run.startedAt,
        updatedAt: finishedAt,
      },
      { client }
    )
  }
}
