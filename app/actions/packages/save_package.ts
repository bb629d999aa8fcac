import string from '@adonisjs/core/helpers/string'
import Package from '#models/package'
import RecordAudit from '#actions/audit/record_audit'
import LoadStudioSchedule from '#actions/booking/load_studio_schedule'
import type { PackageInput } from '#validators/package'
import type { Actor } from '#support/actor'

/** Creates or updates a package (prices typed in dollars, stored in cents), audited. */
export default class SavePackage {
  static async handle(actor: Actor, input: PackageInput, pkg: Package = new Package()) {
    const creating = !pkg.$isPersisted
    pkg.merge({
      name: input.name,
      slug: input.slug || pkg.slug || string.slug(input.name, { lower: true, strict: true }),
      shortDescription: input.shortDescription || null,
      description: input.description || null,
      basePrice: Math.round(input.basePrice * 100),
      durationMinutes: input.durationMinutes,
      maxChildren: input.maxChildren,
      includesStyling: !!input.includesStyling,
      maxOutfitChanges: input.maxOutfitChanges,
      includedPhotos: input.includedPhotos,
      extraPhotoPrice: Math.round(input.extraPhotoPrice * 100),
      photoEditingLevel: input.photoEditingLevel,
      includesPrint: !!input.includesPrint,
      printSize: input.printSize || null,
      preparationChecklist: input.preparationChecklist || null,
      active: !!input.active,
      sortOrder: input.sortOrder,
    })
    await pkg.save()
    LoadStudioSchedule.forget()
    await RecordAudit.handle(actor, {
      action: creating ? 'package.created' : 'package.updated',
      subject: { type: 'package', id: pkg.id },
      details: { name: pkg.name, basePrice: pkg.basePrice, active: pkg.active },
    })
    return pkg
  }

  /** Deletes a package nobody booked; one with sessions can only be retired (inactive). */
  static async destroy(actor: Actor, pkg: Package) {
    const used = await pkg.related('photoSessions').query().count('* as total').first()
    if (Number(used?.$extras.total ?? 0) > 0) return { ok: false as const, reason: 'has_sessions' as const }
    await pkg.delete()
    LoadStudioSchedule.forget()
    await RecordAudit.handle(actor, { action: 'package.deleted', subject: { type: 'package', id: pkg.id }, details: { name: pkg.name } })
    return { ok: true as const }
  }
}
