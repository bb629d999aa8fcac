import vine from '@vinejs/vine'

/** `?command=galleries:expire&page=2` on the command runs page. */
export const commandRunSearchValidator = vine.compile(
  vine.object({
    command: vine.string().trim().maxLength(120).optional(),
    page: vine.number().min(1).optional(),
  })
)
