import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Inquiry from '#models/inquiry'
import { lastDeliveredTo } from '#tests/support/mail'
import { resetRateLimits } from '#tests/support/throttle'

const message = { name: 'Joan Jett', email: 'Joan@Example.com', message: 'Can we book a session for three kids in June?' }

test.group('Site: the contact form', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => resetRateLimits())

  test('a message becomes a new inquiry and its sender gets a copy', async ({ client, assert }) => {
    const form = await client.get('/contact')
    form.assertStatus(200)
    form.assertTextIncludes('Contact the studio')

    const sent = await client.post('/contact').form(message).withCsrfToken().redirects(0)
    sent.assertStatus(302)
    const inquiry = await Inquiry.query().where('email', 'joan@example.com').firstOrFail()
    assert.equal(inquiry.source, 'contact_form')
    assert.equal(inquiry.status, 'new')
    const mail = lastDeliveredTo('joan@example.com')
    assert.include(mail.subject, 'We got your message')
    assert.include(mail.text!, 'three kids in June')
  })

  test('bad input gets a message by the field and writes nothing', async ({ client, assert }) => {
    const response = await client.post('/contact').form({ name: '', email: 'not-an-email', message: 'hi' }).withCsrfToken().redirects(0)
    response.assertValidationError('name', 'Enter your name')
    response.assertValidationError('email', 'Enter a valid email address')
    response.assertValidationError('message', 'Tell us a little more (at least 10 characters)')
    const json = await client.post('/contact').json({ email: 'x' }).header('accept', 'application/json').withCsrfToken()
    json.assertStatus(422)
    assert.lengthOf(await Inquiry.all(), 0)
  })

  test('a bot that fills the honeypot is thanked and nothing is kept', async ({ client, assert }) => {
    const response = await client.post('/contact').form({ ...message, website: 'http://spam.example' }).withCsrfToken().redirects(0)
    response.assertStatus(302)
    assert.lengthOf(await Inquiry.all(), 0)
  })

  test('one address sends at most five messages an hour', async ({ client, assert }) => {
    for (let i = 0; i < 5; i++) {
      ;(await client.post('/contact').form(message).withCsrfToken().redirects(0)).assertStatus(302)
    }
    const refused = await client.post('/contact').form(message).withCsrfToken().redirects(0)
    refused.assertStatus(429)
    assert.lengthOf(await Inquiry.all(), 5)
  })
})
