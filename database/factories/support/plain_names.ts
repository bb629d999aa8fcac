import type { Faker } from '@faker-js/faker'

/**
 * Faker names such as "O'Conner" come back HTML-escaped from rendered pages, which made
 * text assertions fail at random. Factories use these so a name reads the same in a page.
 */
export const plainFirstName = (faker: Faker) => faker.person.firstName().replace(/'/g, '')
export const plainLastName = (faker: Faker) => faker.person.lastName().replace(/'/g, '')
export const plainFullName = (faker: Faker) => `${plainFirstName(faker)} ${plainLastName(faker)}`
