import factory from '@adonisjs/lucid/factories'
import ContractTemplate from '#models/contract_template'
import { ContractFactory } from '#database/factories/contract_factory'

export const ContractTemplateFactory = factory
  .define(ContractTemplate, ({ faker }) => ({
    name: `${faker.commerce.productAdjective()} session agreement ${faker.string.alphanumeric(6)}`,
    body: [
      'This agreement is between {{studio.name}} and {{client.name}}.',
      'The session {{session.number}} takes place on {{session.date}}.',
      'A deposit of {{session.deposit}} secures the booking.',
    ].join('\n\n'),
    active: true,
  }))
  .state('inactive', (template) => (template.active = false))
  .relation('contracts', () => ContractFactory)
  .build()
