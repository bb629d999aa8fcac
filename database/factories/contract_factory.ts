import factory from '@adonisjs/lucid/factories'
import { DateTime } from 'luxon'
import Contract from '#models/contract'
import { UserFactory } from '#database/factories/user_factory'
import { PhotoSessionFactory } from '#database/factories/photo_session_factory'
import { ContractTemplateFactory } from '#database/factories/contract_template_factory'
import { ensureParent } from '#database/factories/support/parent'
import { plainFullName } from '#database/factories/support/plain_names'

/** A draft contract for a family made on the fly; states `sent`, `signed` and `void` keep the row consistent. */
export const ContractFactory = factory
  .define(Contract, ({ faker }) => ({
    title: 'Session agreement',
    body: `This agreement is between Loupe Studio and ${plainFullName(faker)}.\n\n${faker.lorem.paragraph()}`,
    status: 'draft' as const,
  }))
  .before('create', async (builder, contract, ctx) => {
    contract.userId = (await ensureParent(builder, 'user', contract.userId, () =>
      UserFactory.query().useCtx(ctx).apply('customer').create()
    ))!
  })
  .state('sent', (contract) => {
    contract.status = 'sent'
    contract.sentAt = DateTime.now().minus({ days: 2 })
    contract.bodySha256 = Contract.digest(contract.body)
  })
  .state('signed', (contract) => {
    contract.status = 'signed'
    contract.sentAt = DateTime.now().minus({ days: 2 })
    contract.bodySha256 = Contract.digest(contract.body)
    contract.signedAt = DateTime.now().minus({ days: 1 })
    contract.signerName = 'Casey Rivera'
    contract.signerIp = '203.0.113.7'
    contract.signatureKind = 'typed'
    contract.signature = 'Casey Rivera'
  })
  .state('void', (contract) => {
    contract.status = 'void'
    contract.voidedAt = DateTime.now()
    contract.voidReason = 'Session cancelled'
  })
  .relation('user', () => UserFactory)
  .relation('photoSession', () => PhotoSessionFactory)
  .relation('template', () => ContractTemplateFactory)
  .build()
