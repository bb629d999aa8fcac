import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import CommandRun, { COMMAND_RUN_STATUSES } from '#models/command_run'
import StudioSetting from '#models/studio_setting'
import { sqlTime } from '#support/db/sql_time'

export interface CommandRunSearch {
  command?: string
  page?: number
}

const CHART_DAYS = 7

/**
 * The admin list of command runs, newest first, optionally of one command; with the
 * commands seen so far (for the filter), how many runs started on each of the last
 * seven days (in the studio's time zone), and how many ended in each status.
 */
export default class ListCommandRuns {
  static async handle(search: CommandRunSearch, now: DateTime = DateTime.now(), perPage = 25) {
    const runs = await runsOf(search)
      .withScopes((scopes) => scopes.latestFirst())
      .orderBy('id')
      .paginate(search.page ?? 1, perPage)
    const commands: string[] = (await db.from('command_runs').distinct('command').orderBy('command')).map((row) => row.command)
    return { runs, commands, perDay: await runsPerDay(search, now), perStatus: await runsPerStatus(search) }
  }
}

function runsOf(search: CommandRunSearch) {
  return CommandRun.query().if(search.command, (query) => query.withScopes((scopes) => scopes.forCommand(search.command!)))
}

async function runsPerStatus(search: CommandRunSearch) {
  const rows = await runsOf(search)
    .select('status')
    .count('* as total')
    .groupBy('status')
  const totals = new Map(rows.map((row) => [row.status, Number(row.$extras.total)]))
  return COMMAND_RUN_STATUSES.map((status) => ({ status, value: totals.get(status) ?? 0 }))
}

async function runsPerDay(search: CommandRunSearch, now: DateTime) {
  const { timezone } = await StudioSetting.current()
  const today = now.setZone(timezone).startOf('day')
  const days = Array.from({ length: CHART_DAYS }, (_, index) => today.minus({ days: CHART_DAYS - 1 - index }))
  const recent = await runsOf(search)
    .where('startedAt', '>=', sqlTime(days[0].toLocal()))
    .select('startedAt')
  const counts = new Map(days.map((day) => [day.toISODate(), 0]))
  for (const run of recent) {
    const day = run.startedAt.setZone(timezone).toISODate()
    if (counts.has(day)) counts.set(day, counts.get(day)! + 1)
  }
  return days.map((day) => ({ label: day.toFormat('ccc d LLL'), value: counts.get(day.toISODate())! }))
}
