import type * as Y from 'yjs'
import type { FastifyBaseLogger } from 'fastify'
import { SCHEMA_VERSION, metaRoot, migrateDoc } from '../../shared/schema/index.ts'

/**
 * Brings a loaded board's document to this server's schema (the migrations are the server's
 * own changes, stored and relayed like any). False when the board's schema is newer than this
 * server: nobody may sync it.
 */
export function migrateLoaded(doc: Y.Doc, board: string, log: FastifyBaseLogger): boolean {
  const migration = migrateDoc(doc)
  if (!migration.ok) {
    log.warn({ board, found: migration.found }, 'board schema is newer than this server')
    return false
  }
  if (migration.applied.length)
    log.info(
      { board, from: migration.from, to: migration.to, applied: migration.applied },
      'board migrated',
    )
  return true
}

/** What the guard reads of its room. */
export interface SchemaVersionHost {
  readonly doc: Y.Doc
  readonly newerSchema: boolean
  readonly destroyed: boolean
  /** The room's clients: a client's transaction has its connection as origin. */
  readonly connections: ReadonlySet<unknown>
}

/**
 * Only migrations write the schema version: a client that changes it is overruled, the server
 * writing it back (as `origin`) on the next turn. Returns the document's `afterTransaction`
 * listener, which runs after every client's update: a lookup, no copy of what changed.
 */
export function schemaVersionGuard(
  host: SchemaVersionHost,
  origin: symbol,
): (tr: Y.Transaction) => void {
  return (tr) => {
    if (host.newerSchema || !host.connections.has(tr.origin)) return
    const meta = metaRoot(host.doc) as unknown as Y.AbstractType<Y.YEvent<any>>
    if (!tr.changed.get(meta)?.has('schemaVersion')) return
    setImmediate(() => {
      if (host.destroyed || metaRoot(host.doc).get('schemaVersion') === SCHEMA_VERSION) return
      host.doc.transact(() => metaRoot(host.doc).set('schemaVersion', SCHEMA_VERSION), origin)
    })
  }
}
