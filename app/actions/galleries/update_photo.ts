import Gallery from '#models/gallery'
import type Photo from '#models/photo'
import type { EditingStatus } from '#models/photo'
import RecordAudit from '#actions/audit/record_audit'
import type { Actor } from '#support/actor'

export interface UpdatePhotoInput {
  isFeatured?: boolean
  isHidden?: boolean
  editingStatus?: EditingStatus
}

export type UpdatePhotoResult = { ok: true; photo: Photo } | { ok: false; reason: 'invalid_move'; from: EditingStatus; to: EditingStatus }

/** The next editing statuses a photo can move to, through the photo's own transitions. */
type Move = (photo: Photo, actor: Actor) => Promise<boolean>
const MOVES: Record<EditingStatus, Partial<Record<EditingStatus, Move>>> = {
  raw: { editing: (photo, actor) => photo.startEditing({ actor }) },
  editing: { edited: (photo, actor) => photo.finishEditing(undefined, { actor }) },
  edited: {
    approved: (photo, actor) => photo.approve({ actor }),
    editing: (photo, actor) => photo.sendBack(photo.editingNotes ?? '', { actor }),
  },
  approved: { editing: (photo, actor) => photo.sendBack(photo.editingNotes ?? '', { actor }) },
}

export function nextEditingStatuses(status: EditingStatus) {
  return Object.keys(MOVES[status]) as EditingStatus[]
}

/** Feature, hide or show a photo, or move it along the retouching steps (raw → editing → edited → approved). */
export default class UpdatePhoto {
  static async handle(actor: Actor, photo: Photo, input: UpdatePhotoInput): Promise<UpdatePhotoResult> {
    const before = { isFeatured: photo.isFeatured, isHidden: photo.isHidden, editingStatus: photo.editingStatus }
    if (input.isFeatured !== undefined) photo.isFeatured = input.isFeatured
    if (input.isHidden !== undefined) photo.isHidden = input.isHidden
    if (input.editingStatus && input.editingStatus !== photo.editingStatus) {
      const move = MOVES[photo.editingStatus][input.editingStatus]
      const refusal = { ok: false, reason: 'invalid_move', from: photo.editingStatus, to: input.editingStatus } as const
      if (!move) return refusal
      // false: another tab moved it first; the refusal names where it was.
      if (!(await move(photo, actor))) return refusal
    }
    const changed = (Object.keys(before) as (keyof typeof before)[]).filter((key) => before[key] !== photo[key])
    if (changed.length === 0) {
      if (before.editingStatus !== photo.editingStatus) await Gallery.photosChanged(photo.galleryId)
      return { ok: true, photo }
    }

    await photo.save()
    await Gallery.photosChanged(photo.galleryId)
    await RecordAudit.handle(actor, {
      action: 'photo.updated',
      subject: { type: 'photo', id: photo.id },
      details: { galleryId: photo.galleryId, changed, before },
    })
    return { ok: true, photo }
  }
}
