import { DateTime } from 'luxon'
import { column, scope } from '@adonisjs/lucid/orm'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import AppModel from '#models/app_model'
import { jsonColumn } from '#models/concerns/json_column'
import { assertTransition } from '#models/concerns/state_machine'

export const COMMAND_RUN_STATUSES = ['running', 'succeeded', 'failed'] as const
export type CommandRunStatus = (typeof COMMAND_RUN_STATUSES)[number]

const TRANSITIONS: Record<CommandRunStatus, readonly CommandRunStatus[]> = {
  running: ['succeeded', 'failed'],
  succeeded: [],
  failed: [],
}

export type CommandSummary = Record<string, number | string | boolean | null>

/** One run of a scheduled or manual Ace command, shown to admins. */
export default class CommandRun extends AppModel {
  @column()
  declare command: string

  @column.dateTime()
  declare startedAt: DateTime

  @column.dateTime()
  declare finishedAt: DateTime | null

  @column()
  declare status: CommandRunStatus

  @jsonColumn()
  declare summary: CommandSummary | null

  @column()
  declare error: string | null

  static start(command: string, options: { client?: QueryClientContract } = {}) {
    return CommandRun.create({ command, startedAt: DateTime.now(), status: 'running' }, options)
  }

  static latestFirst = scope((query) => {
    query.orderBy('started_at', 'desc')
  })

  static forCommand = scope((query, command: string) => {
    query.where('command', command)
  })

  get durationMs() {
    return this.finishedAt ? this.finishedAt.diff(this.startedAt).toMillis() : null
  }

  async finish(summary: CommandSummary = {}) {
    this.transitionTo('succeeded')
    this.summary = summary
    await this.save()
  }

  async fail(error: unknown, summary: CommandSummary | null = null) {
    this.transitionTo('failed')
    this.error = error instanceof Error ? error.message : String(error)
    this.summary = summary
    await this.save()
  }

  private transitionTo(to: CommandRunStatus) {
    assertTransition('Command run', this.status, to, TRANSITIONS)
    this.status = to
    this.finishedAt = DateTime.now()
  }
}
