import type { HttpContext } from '@adonisjs/core/http'
import { enterAdmin } from '#abilities/main'
import { commandRunSearchValidator } from '#validators/command_run'
import ListCommandRuns from '#actions/operations/list_command_runs'
import { filledQuery } from '#services/http/query_string'

export default class CommandRunsController {
  async index({ bouncer, request, view }: HttpContext) {
    await bouncer.authorize(enterAdmin)
    const filters = await commandRunSearchValidator.validate(filledQuery(request.qs()))
    const { runs, commands, perDay, perStatus } = await ListCommandRuns.handle(filters)
    runs.baseUrl(request.url())
    runs.queryString(filledQuery(request.qs()))
    const page = request.header('hx-request') ? 'pages/admin/command_runs/_runs' : 'pages/admin/command_runs/index'
    return view.render(page, { runs, commands, perDay, perStatus, filters })
  }
}
