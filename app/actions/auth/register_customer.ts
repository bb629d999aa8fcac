import User from '#models/user'
import SendEmailVerification from '#actions/auth/send_email_verification'

export interface RegisterCustomerInput {
  firstName: string
  lastName: string
  email: string
  password: string
  marketingConsent?: boolean
}

export default class RegisterCustomer {
  static async handle(input: RegisterCustomerInput) {
    const user = await User.create({
      firstName: input.firstName,
      lastName: input.lastName,
      email: input.email,
      password: input.password,
      role: 'customer',
      marketingConsent: input.marketingConsent ?? false,
    })
    await SendEmailVerification.handle(user)
    return user
  }
}
