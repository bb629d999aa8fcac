import factory from '@adonisjs/lucid/factories'
import Page from '#models/page'

export const PageFactory = factory
  .define(Page, ({ faker }) => {
    const title = faker.word.words(3)
    return {
      title,
      slug: `${faker.helpers.slugify(title).toLowerCase()}-${faker.string.alphanumeric(6).toLowerCase()}`,
      body: `# ${title}\n\n${faker.lorem.paragraphs(2)}`,
      status: 'draft' as const,
      seoTitle: null,
      seoDescription: null,
    }
  })
  .state('published', (page) => (page.status = 'published'))
  .build()
