import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * `board_stamp`: a number on each photo session, drawn from one ever-rising clock (a sequence;
 * a one-row table on SQLite, whose writers take turns anyway), given afresh whenever anything
 * its kiosk card shows changes (the session row; its children's names and needs; its contracts', plans' and
 * releases' presence or status; the family's, the photographer's and the package's names).
 * The board keys each rendered card by it and the day's board by the day's count and sum,
 * so a change made anywhere (an action, an admin form, a raw UPDATE) is seen without each
 * writer having to remember the board. Triggers, because only the database sees every write.
 * Fresh values, not +1: a session joining the day always raises the sum, even as another
 * leaves it.
 *
 * `card_stamp` counts only the related rows' changes: with the session's own columns it keys
 * the part of a card that needs more than the session row (a check-in changes the status, not
 * the family), so a check-in re-renders the card's status and nothing that needs a query.
 */

/** Related rows whose own `photo_session_id` names the session: [table, columns the card reads]. */
const LINKED: [string, string[]][] = [
  ['session_children', ['photo_session_id', 'child_id']],
  ['contracts', ['photo_session_id', 'status']],
  ['payment_plans', ['photo_session_id', 'status']],
  ['model_releases', ['photo_session_id', 'child_id']],
]
/** Only sessions from the day before yesterday on: a rename must not rewrite years of history. */
const RECENT = { postgres: "starts_at >= now() - interval '2 days'", sqlite: "starts_at >= datetime('now', '-2 days')" }

/** A related row changed: the session gets a fresh board stamp, and its card's details a new version. */
const PG_BUMP = (where: string) => `UPDATE photo_sessions SET board_stamp = nextval('board_stamps'), card_stamp = card_stamp + 1 WHERE ${where};`
const SQLITE_BUMP = (where: string, card = true) =>
  `INSERT OR IGNORE INTO board_clock (id, value) VALUES (1, 0); UPDATE board_clock SET value = value + 1; UPDATE photo_sessions SET board_stamp = (SELECT value FROM board_clock)${card ? ', card_stamp = card_stamp + 1' : ''} WHERE ${where};`

function postgres() {
  const bump = PG_BUMP
  const up = [
    'CREATE SEQUENCE board_stamps',
    "ALTER TABLE photo_sessions ALTER COLUMN board_stamp SET DEFAULT nextval('board_stamps')",
    `CREATE FUNCTION photo_sessions_board_stamp() RETURNS trigger AS $$
     BEGIN
       IF NEW.board_stamp = OLD.board_stamp THEN NEW.board_stamp := nextval('board_stamps'); END IF;
       RETURN NEW;
     END $$ LANGUAGE plpgsql`,
    `CREATE TRIGGER photo_sessions_board_stamp BEFORE UPDATE ON photo_sessions FOR EACH ROW EXECUTE FUNCTION photo_sessions_board_stamp()`,
    `CREATE FUNCTION linked_board_stamp() RETURNS trigger AS $$
     BEGIN
       IF TG_OP <> 'INSERT' THEN ${bump('id = OLD.photo_session_id')} END IF;
       IF TG_OP <> 'DELETE' THEN ${bump('id = NEW.photo_session_id')} END IF;
       RETURN NULL;
     END $$ LANGUAGE plpgsql`,
    ...LINKED.map(
      ([table, columns]) =>
        `CREATE TRIGGER ${table}_board_stamp AFTER INSERT OR DELETE OR UPDATE OF ${columns.join(', ')} ON ${table} FOR EACH ROW EXECUTE FUNCTION linked_board_stamp()`
    ),
    `CREATE FUNCTION children_board_stamp() RETURNS trigger AS $$
     BEGIN
       ${bump('id IN (SELECT photo_session_id FROM session_children WHERE child_id = NEW.id)')}
       RETURN NULL;
     END $$ LANGUAGE plpgsql`,
    `CREATE TRIGGER children_board_stamp AFTER UPDATE OF first_name, special_requirements ON children FOR EACH ROW EXECUTE FUNCTION children_board_stamp()`,
    `CREATE FUNCTION users_board_stamp() RETURNS trigger AS $$
     BEGIN
       ${bump(`(user_id = NEW.id OR photographer_id = NEW.id) AND ${RECENT.postgres}`)}
       RETURN NULL;
     END $$ LANGUAGE plpgsql`,
    `CREATE TRIGGER users_board_stamp AFTER UPDATE OF first_name, last_name ON users FOR EACH ROW EXECUTE FUNCTION users_board_stamp()`,
    `CREATE FUNCTION packages_board_stamp() RETURNS trigger AS $$
     BEGIN
       ${bump(`package_id = NEW.id AND ${RECENT.postgres}`)}
       RETURN NULL;
     END $$ LANGUAGE plpgsql`,
    `CREATE TRIGGER packages_board_stamp AFTER UPDATE OF name ON packages FOR EACH ROW EXECUTE FUNCTION packages_board_stamp()`,
  ]
  const down = [
    ...['photo_sessions', 'children', 'users', 'packages', ...LINKED.map(([table]) => table)].map(
      (table) => `DROP TRIGGER IF EXISTS ${table}_board_stamp ON ${table}`
    ),
    ...['photo_sessions', 'linked', 'children', 'users', 'packages'].map((name) => `DROP FUNCTION IF EXISTS ${name}_board_stamp()`),
    'ALTER TABLE photo_sessions ALTER COLUMN board_stamp DROP DEFAULT',
    'DROP SEQUENCE IF EXISTS board_stamps',
  ]
  return { up, down }
}

function sqlite() {
  const bump = SQLITE_BUMP
  const trigger = (name: string, event: string, body: string, when = '') =>
    `CREATE TRIGGER ${name} AFTER ${event} FOR EACH ROW ${when ? `WHEN ${when} ` : ''}BEGIN ${body} END`
  const up = [
    'CREATE TABLE board_clock (id integer PRIMARY KEY CHECK (id = 1), value integer NOT NULL)',
    'INSERT INTO board_clock (id, value) VALUES (1, 0)',
    trigger('photo_sessions_board_stamp_insert', 'INSERT ON photo_sessions', bump('id = NEW.id', false)),
    // SQLite can't assign NEW in a BEFORE trigger: the row is stamped again after the update
    // (the inner UPDATE changes the stamp, so the WHEN stops it from firing again).
    trigger('photo_sessions_board_stamp', 'UPDATE ON photo_sessions', bump('id = NEW.id', false), 'NEW.board_stamp = OLD.board_stamp'),
    ...LINKED.flatMap(([table, columns]) => [
      trigger(`${table}_board_stamp_insert`, `INSERT ON ${table}`, bump('id = NEW.photo_session_id')),
      trigger(`${table}_board_stamp_delete`, `DELETE ON ${table}`, bump('id = OLD.photo_session_id')),
      trigger(`${table}_board_stamp_update`, `UPDATE OF ${columns.join(', ')} ON ${table}`, bump('id IN (OLD.photo_session_id, NEW.photo_session_id)')),
    ]),
    trigger(
      'children_board_stamp',
      'UPDATE OF first_name, special_requirements ON children',
      bump('id IN (SELECT photo_session_id FROM session_children WHERE child_id = NEW.id)')
    ),
    trigger('users_board_stamp', 'UPDATE OF first_name, last_name ON users', bump(`(user_id = NEW.id OR photographer_id = NEW.id) AND ${RECENT.sqlite}`)),
    trigger('packages_board_stamp', 'UPDATE OF name ON packages', bump(`package_id = NEW.id AND ${RECENT.sqlite}`)),
  ]
  const down = [
    'photo_sessions_board_stamp_insert',
    'photo_sessions_board_stamp',
    'children_board_stamp',
    'users_board_stamp',
    'packages_board_stamp',
    ...LINKED.flatMap(([table]) => ['insert', 'delete', 'update'].map((event) => `${table}_board_stamp_${event}`)),
  ]
    .map((name) => `DROP TRIGGER IF EXISTS ${name}`)
    .concat('DROP TABLE IF EXISTS board_clock')
  return { up, down }
}

export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('photo_sessions', (table) => {
      table.integer('board_stamp').notNullable().defaultTo(0)
      table.integer('card_stamp').notNullable().defaultTo(0)
    })
    const { up } = this.db.dialect.name === 'postgres' ? postgres() : sqlite()
    this.defer(async (db) => {
      for (const sql of up) await db.rawQuery(sql)
    })
  }

  async down() {
    const { down } = this.db.dialect.name === 'postgres' ? postgres() : sqlite()
    this.defer(async (db) => {
      for (const sql of down) await db.rawQuery(sql)
    })
    this.schema.alterTable('photo_sessions', (table) => {
      table.dropColumn('board_stamp')
      table.dropColumn('card_stamp')
    })
  }
}
