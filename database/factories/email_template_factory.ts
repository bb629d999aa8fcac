import factory from '@adonisjs/lucid/factories'
import EmailTemplate from '#models/email_template'

export const EmailTemplateFactory = factory
  .define(EmailTemplate, ({ faker }) => ({
    key: `test.${faker.string.alphanumeric(10).toLowerCase()}`,
    name: faker.lorem.words(3),
    description: null,
    subject: 'Hello {{client.first_name}}',
    body: 'Hi {{client.first_name}},\n\n' + faker.lorem.paragraph(),
    active: true,
  }))
  .state('inactive', (template) => (template.active = false))
  .build()
