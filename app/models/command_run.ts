import { DateTime } from 'luxon'
import { column, scope } from '@adonisjs/lucid/orm'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import AppModel from '#models/app_model'
import { jsonColumn } from '#models/concerns/json_column'
import { defineStateMachine, transition, type ChangeOptions } from '#models/concerns/state_machine'

export const COMMAND_RUN_STATUSES = ['running', 'succeeded', 'failed'] as const
export type CommandRunStatus = (typeof COMMAND_RUN_STATUSES)[number]

export const commandRunStates = defineStateMachine<CommandRunStatus>('CommandRun', {
  running: ['succeeded', 'failed'],
  succeeded: [],
  failed: [],
})

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

  finish(summary: CommandSummary = {}, options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    return transition(this, commandRunStates, 'succeeded', { ...options, now, set: { summary, finishedAt: now } })
  }

  fail(error: unknown, summary: CommandSummary | null = null, options: ChangeOptions = {}) {
    const now = options.now ?? DateTime.now()
    const message = error instanceof Error ? error.message : String(error)
    return transition(this, commandRunStates, 'failed', {
      ...options,
      now,
      set: { error: message, summary, finishedAt: now },
    })
  }
}
