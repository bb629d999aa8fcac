import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A device is created by an admin with a one-time pairing code (hashed, short-lived);
 * typing the code on the tablet claims it once and gives the tablet its long-lived token.
 * Until then `token_hash` holds the hash of a random value nobody knows.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('kiosk_devices', (table) => {
      table.string('pairing_code_hash', 64).nullable().unique()
      table.timestamp('pairing_expires_at').nullable()
      table.timestamp('paired_at').nullable()
    })
    this.schema.alterTable('users', (table) => {
      table.string('kiosk_pin_hash', 255).nullable()
    })
  }

  async down() {
    this.schema.alterTable('users', (table) => {
      table.dropColumn('kiosk_pin_hash')
    })
    this.schema.alterTable('kiosk_devices', (table) => {
      table.dropUnique(['pairing_code_hash'])
      table.dropColumn('pairing_code_hash')
      table.dropColumn('pairing_expires_at')
      table.dropColumn('paired_at')
    })
  }
}
