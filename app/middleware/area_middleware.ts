import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import * as abilities from '#abilities/main'

type AreaAbility = 'enterAdmin' | 'enterStudio' | 'enterPhotographer' | 'enterPortal' | 'manageGalleries' | 'manageSessions' | 'manageOrders'

/** Guards a whole area with one Bouncer ability: a wrong role gets 403. */
export default class AreaMiddleware {
  async handle(ctx: HttpContext, next: NextFn, options: { ability: AreaAbility }) {
    await ctx.bouncer.authorize(abilities[options.ability])
    return next()
  }
}
