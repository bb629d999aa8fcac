import type { HttpContext } from '@adonisjs/core/http'
import type Photo from '#models/photo'
import type { EditingStatus } from '#models/photo'
import RecordAudit from '#actions/audit/record_audit'
import { InvalidTransitionException } from '#models/concerns/state_machine'

export interface UpdatePhotoInput {
  isFeatured?: boolean
  isHidden?: boolean
  editingStatus?: EditingStatus
}

export type UpdatePhotoResult = { ok: true; photo: Photo } | { ok: false; message: string }

/** The next editing statuses a photo can move to, through the photo's own transitions. */
const MOVES: Record<EditingStatus, Partial<Record<EditingStatus, (photo: Photo) => Promise<unknown>>>> = {
  raw: { editing: (photo) => photo.startEditing() },
  editing: { edited: (photo) => photo.finishEditing() },
  edited: { approved: (photo) => photo.approve(), editing: (photo) => photo.sendBack(photo.editingNotes ?? '') },
  approved: { editing: (photo) => photo.sendBack(photo.editingNotes ?? '') },
}

export function nextEditingStatuses(status: EditingStatus) {
  return Object.keys(MOVES[status]) as EditingStatus[]
}

/** Feature, hide or show a photo, or move it along the retouching steps (raw → editing → edited → approved). */
export default class UpdatePhoto {
  static async handle(ctx: HttpContext | null, photo: Photo, input: UpdatePhotoInput): Promise<UpdatePhotoResult> {
    const before = { isFeatured: photo.isFeatured, isHidden: photo.isHidden, editingStatus: photo.editingStatus }
    if (input.isFeatured !== undefined) photo.isFeatured = input.isFeatured
    if (input.isHidden !== undefined) photo.isHidden = input.isHidden
    if (input.editingStatus && input.editingStatus !== photo.editingStatus) {
      const move = MOVES[photo.editingStatus][input.editingStatus]
      if (!move) return { ok: false, message: `A ${photo.editingStatus} photo cannot become ${input.editingStatus} directly.` }
      try {
        await move(photo)
      } catch (error) {
        if (error instanceof InvalidTransitionException) return { ok: false, message: error.message }
        throw error
      }
    }
    const changed = (Object.keys(before) as (keyof typeof before)[]).filter((key) => before[key] !== photo[key])
    if (changed.length === 0) return { ok: true, photo }

    await photo.save()
    await RecordAudit.handle(ctx, {
      action: 'photo.updated',
      subject: { type: 'photo', id: photo.id },
      details: { galleryId: photo.galleryId, changed, before },
    })
    return { ok: true, photo }
  }
}
