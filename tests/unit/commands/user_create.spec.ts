import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import hash from '@adonisjs/core/services/hash'
import testUtils from '@adonisjs/core/services/test_utils'
import User from '#models/user'
import UserCreate from '#commands/user_create'

test.group('node ace user:create', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('creates an account with the given role and password', async ({ assert }) => {
    const command = await ace.create(UserCreate, [
      '--email=Operator@Example.com',
      '--role=admin',
      '--name=Olive Operator',
      '--password=a sturdy passphrase',
    ])
    command.ui.switchMode('raw')
    await command.exec()
    command.assertSucceeded()

    const user = await User.findByOrFail('email', 'operator@example.com')
    assert.equal(user.role, 'admin')
    assert.equal(user.fullName, 'Olive Operator')
    assert.isTrue(await hash.verify(user.password!, 'a sturdy passphrase'))
  })

  test('asks for the password when none is given', async ({ assert }) => {
    const command = await ace.create(UserCreate, ['--email=staff1@example.com', '--role=staff', '--name=Stan'])
    command.ui.switchMode('raw')
    command.prompt.trap('Password for the new account').replyWith('another sturdy passphrase')
    await command.exec()
    command.assertSucceeded()
    assert.equal((await User.findByOrFail('email', 'staff1@example.com')).role, 'staff')
  })

  test('refuses a weak password and creates nothing', async ({ assert }) => {
    const command = await ace.create(UserCreate, ['--email=weak@example.com', '--role=staff', '--name=Weak', '--password=password123'])
    command.ui.switchMode('raw')
    await command.exec()
    command.assertFailed()
    command.assertLog('[ red(error) ] Password refused: This password is too easy to guess', 'stderr')
    assert.isNull(await User.findBy('email', 'weak@example.com'))
  })

  test('refuses an unknown role', async ({ assert }) => {
    const command = await ace.create(UserCreate, ['--email=x@example.com', '--role=overlord', '--name=X', '--password=a sturdy passphrase'])
    command.ui.switchMode('raw')
    await command.exec()
    command.assertFailed()
    assert.isNull(await User.findBy('email', 'x@example.com'))
  })
})
