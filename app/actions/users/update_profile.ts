import type User from '#models/user'

export interface ProfileInput {
  firstName: string
  lastName: string
  phone?: string | null
  marketingConsent?: boolean
}

export default class UpdateProfile {
  static async handle(user: User, input: ProfileInput) {
    user.merge({
      firstName: input.firstName,
      lastName: input.lastName,
      phone: input.phone ?? null,
      marketingConsent: input.marketingConsent ?? false,
    })
    await user.save()
    return user
  }
}
