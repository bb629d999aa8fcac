import vine from '@vinejs/vine'
import { strongPassword } from '#validators/rules/password_strength'

const name = () => vine.string().trim().minLength(1).maxLength(100)
const phone = () =>
  vine
    .string()
    .trim()
    .regex(/^\+?[0-9 ()\-.]{7,20}$/)
    .maxLength(32)

export const profileValidator = vine.compile(
  vine.object({
    firstName: name(),
    lastName: name(),
    phone: phone().optional(),
    marketingConsent: vine.boolean().optional(),
  })
)

export const changePasswordValidator = vine.compile(
  vine.object({
    currentPassword: vine.string().maxLength(200),
    password: vine.string().maxLength(200).use(strongPassword()).confirmed(),
  })
)

export const STAFF_ROLES = ['staff', 'photographer', 'admin'] as const

export const createUserValidator = vine.compile(
  vine.object({
    firstName: name(),
    lastName: name(),
    email: vine
      .string()
      .trim()
      .toLowerCase()
      .email()
      .unique(async (db, value) => !(await db.from('users').where('email', value).first())),
    role: vine.enum(STAFF_ROLES),
  })
)

export const updateUserValidator = vine.compile(
  vine.object({
    firstName: name(),
    lastName: name(),
    role: vine.enum(['customer', ...STAFF_ROLES] as const),
  })
)

export const userSearchValidator = vine.compile(
  vine.object({
    q: vine.string().trim().maxLength(100).optional(),
    role: vine.enum(['customer', ...STAFF_ROLES] as const).optional(),
    sort: vine.enum(['name', 'email', 'role', 'created_at'] as const).optional(),
    direction: vine.enum(['asc', 'desc'] as const).optional(),
    page: vine.number().min(1).max(10000).optional(),
  })
)
