import { test } from '@japa/runner'
import { ALLOCATOR_ENV, allocatorWarning } from '#services/images/allocator'

test.group('Image allocator settings', () => {
  test('a process started with them gets no warning', ({ assert }) => {
    assert.isNull(allocatorWarning({ ...ALLOCATOR_ENV }))
  })

  test('a process started without them is told which are missing and the command to use', ({ assert }) => {
    const warning = allocatorWarning({ MALLOC_ARENA_MAX: '2' })
    assert.include(warning, 'MALLOC_MMAP_THRESHOLD_ not set')
    assert.notInclude(warning, 'MALLOC_ARENA_MAX and')
    assert.include(warning, 'MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=131072')
  })
})
