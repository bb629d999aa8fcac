import { test } from '@japa/runner'
import { readdir, readFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'

/** Models sit below HTTP and adapters: they build no URLs and call no services. */
test.group('Models', () => {
  test('import neither the router nor app/services', async ({ assert }) => {
    const folder = app.makePath('app/models')
    const files = (await readdir(folder, { recursive: true })).filter((file) => file.endsWith('.ts'))
    assert.isAbove(files.length, 10)
    const offenders: string[] = []
    for (const file of files) {
      const source = await readFile(`${folder}/${file}`, 'utf8')
      if (/from '(@adonisjs\/core\/services\/router|#services\/[^']+)'/.test(source)) offenders.push(file)
    }
    assert.deepEqual(offenders, [])
  })
})
