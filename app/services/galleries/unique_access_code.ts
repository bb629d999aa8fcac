import db from '@adonisjs/lucid/services/db'
import { generateAccessCode } from '#services/galleries/access_code'

/** A fresh access code no gallery (deleted ones included) uses yet. */
export async function uniqueAccessCode(length = 10) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = generateAccessCode(length)
    if (!(await db.from('galleries').where('access_code', code).first())) return code
  }
  throw new Error('Could not find a free access code')
}
