import CommandRun, { type CommandSummary } from '#models/command_run'

export interface TrackedRun<Result> {
  run: CommandRun
  result: Result
}

/**
 * Records one run of an operators' command in command_runs: a `running` row first (so a
 * run that hangs or crashes the process still shows), then `succeeded` with the summary
 * counts, or `failed` with the error, which is thrown on to the command.
 */
export default class TrackCommandRun {
  static async handle<Result>(
    command: string,
    work: () => Promise<Result>,
    summarize: (result: Result) => CommandSummary
  ): Promise<TrackedRun<Result>> {
    const run = await CommandRun.start(command)
    let result: Result
    try {
      result = await work()
    } catch (error) {
      await run.fail(error)
      throw error
    }
    await run.finish(summarize(result))
    return { run, result }
  }
}
