/**
 * The history's own schema versions, apart from the board store's (server/storage/migrations.ts)
 * and applied the same way: each migration is named by what it does and written once per SQL
 * dialect; a database records what it applied in `history_schema_migrations`, and a history
 * store applies the missing ones, in order, when it opens. Add new ones at the end; never edit an
 * applied one.
 *
 * SQLite keeps the history in a file of its own, so its tables have short names; in PostgreSQL
 * they share the board store's database and carry a `history_` prefix.
 */
export type HistoryDialect = 'sqlite' | 'postgres'

export interface HistoryMigration {
  version: number
  name: string
  sql: Record<HistoryDialect, string>
}

export const HISTORY_MIGRATIONS: readonly HistoryMigration[] = [
  {
    version: 1,
    name: 'CreateVersionsActivityBin',
    sql: {
      sqlite: `
      CREATE TABLE versions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        board_id TEXT NOT NULL,
        at INTEGER NOT NULL,
        reason TEXT NOT NULL,
        name TEXT,
        role TEXT,
        author TEXT,
        counts TEXT NOT NULL,
        state BLOB NOT NULL
      );
      CREATE INDEX versions_board ON versions(board_id, at);
      CREATE TABLE activity (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        board_id TEXT NOT NULL,
        at INTEGER NOT NULL,
        until INTEGER NOT NULL,
        role TEXT,
        author TEXT,
        changes TEXT NOT NULL
      );
      CREATE INDEX activity_board ON activity(board_id, id);
      CREATE TABLE bin (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        board_id TEXT NOT NULL,
        at INTEGER NOT NULL,
        role TEXT,
        author TEXT,
        collection TEXT NOT NULL,
        record_id TEXT NOT NULL,
        fields TEXT NOT NULL,
        batch TEXT NOT NULL,
        restored_at INTEGER
      );
      CREATE INDEX bin_board ON bin(board_id, id);
      CREATE INDEX bin_batch ON bin(board_id, batch);`,
      // JSON as text, not jsonb: jsonb refuses \u0000 and lone surrogates, which a record's
      // fields may hold; the history only stores and returns it whole.
      postgres: `
      CREATE TABLE history_versions (
        id BIGSERIAL PRIMARY KEY,
        board_id TEXT NOT NULL,
        at BIGINT NOT NULL,
        reason TEXT NOT NULL,
        name TEXT,
        role TEXT,
        author TEXT,
        counts TEXT NOT NULL,
        state BYTEA NOT NULL
      );
      CREATE INDEX history_versions_board ON history_versions(board_id, at);
      CREATE TABLE history_activity (
        id BIGSERIAL PRIMARY KEY,
        board_id TEXT NOT NULL,
        at BIGINT NOT NULL,
        until BIGINT NOT NULL,
        role TEXT,
        author TEXT,
        changes TEXT NOT NULL
      );
      CREATE INDEX history_activity_board ON history_activity(board_id, id);
      CREATE TABLE history_bin (
        id BIGSERIAL PRIMARY KEY,
        board_id TEXT NOT NULL,
        at BIGINT NOT NULL,
        role TEXT,
        author TEXT,
        collection TEXT NOT NULL,
        record_id TEXT NOT NULL,
        fields TEXT NOT NULL,
        batch TEXT NOT NULL,
        restored_at BIGINT
      );
      CREATE INDEX history_bin_board ON history_bin(board_id, id);
      CREATE INDEX history_bin_batch ON history_bin(board_id, batch);`,
    },
  },
  {
    version: 2,
    name: 'MarkRestoreEntries',
    sql: {
      sqlite: `ALTER TABLE activity ADD COLUMN restore TEXT;`,
      postgres: `ALTER TABLE history_activity ADD COLUMN restore TEXT;`,
    },
  },
]

/** The table that records what is applied (the same in both dialects). */
export const HISTORY_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS history_schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
);`

/** The migrations a history that has applied `applied` still needs, in order. */
export function pendingHistoryMigrations(applied: Iterable<number>): HistoryMigration[] {
  const done = new Set(applied)
  return HISTORY_MIGRATIONS.filter((m) => !done.has(m.version))
}

/** A lone half of a surrogate pair: not text, and UTF-8 cannot carry it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/**
 * What a history keeps in a plain text column (a version's name, an author's): the text as
 * given, but for what a text column cannot hold — a NUL (PostgreSQL refuses it) and a lone
 * surrogate (UTF-8 has none) — which becomes U+FFFD, in both backends alike. JSON columns keep
 * everything: JSON escapes both.
 */
export function storableText(text: string | null): string | null {
  return text === null
    ? null
    : text.replaceAll('\u0000', '\uFFFD').replace(LONE_SURROGATE, '\uFFFD')
}
