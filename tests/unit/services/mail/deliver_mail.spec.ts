import { test } from '@japa/runner'
import { SMTPServer } from 'smtp-server'
import testUtils from '@adonisjs/core/services/test_utils'
import EmailLog from '#models/email_log'
import VerifyEmailNotification from '#mails/verify_email_notification'
import { deliverMail } from '#services/mail/deliver_mail'
import { UserFactory } from '#database/factories/user_factory'
import env from '#start/env'

/** A real SMTP server on SMTP_PORT (2525 in .env.test), collecting messages. */
async function startSmtpServer() {
  const received: { to: string[]; data: string }[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = ''
      stream.on('data', (chunk) => (data += chunk))
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(env.get('SMTP_PORT', 2525), '127.0.0.1', resolve))
  return { received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

test.group('Mail delivery', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('without SMTP the message is rendered and logged as not sent', async ({ assert }) => {
    const user = await UserFactory.create()
    const log = await deliverMail(new VerifyEmailNotification(user, 'abc-token'))
    assert.equal(log.status, 'not_sent')
    assert.equal(log.to, user.email)
    assert.include(log.html!, '/verify-email/••••en')
    assert.include(log.text!, '/verify-email/••••en')
    assert.equal(log.templateKey, 'emails/verify_email')
  })

  test('through SMTP the server receives it and the log says sent', async ({ assert, cleanup }) => {
    const smtp = await startSmtpServer()
    cleanup(() => smtp.close())
    const user = await UserFactory.create()
    const log = await deliverMail(new VerifyEmailNotification(user, 'xyz-token'), 'smtp')

    assert.equal(log.status, 'sent')
    assert.isNotNull(log.messageId)
    assert.isNotNull(log.sentAt)
    assert.lengthOf(smtp.received, 1)
    assert.deepEqual(smtp.received[0].to, [user.email])
    assert.include(smtp.received[0].data, 'Subject: Confirm your email address')
  })

  test('the recipient gets the live link while the log keeps it masked', async ({ assert, cleanup }) => {
    const smtp = await startSmtpServer()
    cleanup(() => smtp.close())
    const user = await UserFactory.create()
    const token = 'live-token-4f9c2a7e1b'
    const log = await deliverMail(new VerifyEmailNotification(user, token), 'smtp')

    const wire = smtp.received[0].data.replace(/=\r?\n/g, '')
    assert.include(wire, `/verify-email/${token}`)
    for (const stored of [log.text!, log.html!, (await EmailLog.findOrFail(log.id)).text!]) {
      assert.notInclude(stored, token)
      assert.include(stored, '/verify-email/••••1b')
    }
  })

  test('an unreachable SMTP server is logged as failed and does not throw', async ({ assert }) => {
    const user = await UserFactory.create()
    const log = await deliverMail(new VerifyEmailNotification(user, 'q-token'), 'smtp')
    assert.equal(log.status, 'failed')
    assert.match(log.error!, /ECONNREFUSED/)
    assert.equal((await EmailLog.findOrFail(log.id)).subject, 'Confirm your email address')
  })
})
