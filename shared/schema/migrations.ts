import * as Y from 'yjs'
import { canvasRoots, collectionRoot, metaRoot } from './roots.ts'
import {
  forEachRecord,
  readFields,
  seedMethodDefaults,
  seedPact,
  sharedText,
  type Fields,
} from './cards.ts'
import { REGISTRY } from './registry.ts'
import { sharedIdSet } from './idSets.ts'
import { actorDefaultsPatch, relationKindPatch } from './defaults.ts'
import { SCHEMA_VERSION } from './version.ts'

/** One step of the document schema, named by what it does. */
export interface DocMigration {
  /** The version the document has after this step. */
  to: number
  name: string
  up(doc: Y.Doc): void
}

function apply(map: Y.Map<unknown>, patch: Fields): void {
  for (const [key, value] of Object.entries(patch)) map.set(key, value)
}

/**
 * Ordered list of migrations. Version 0 is a document with no `schemaVersion` (never written by
 * a released build, but a stock client could create one).
 */
export const DOC_MIGRATIONS: readonly DocMigration[] = [
  {
    to: 1,
    name: 'AddMetaDefaults',
    up(doc) {
      const meta = metaRoot(doc)
      if (typeof meta.get('title') !== 'string') meta.set('title', '')
      if (typeof meta.get('phase') !== 'string') meta.set('phase', 'problems')
      if (typeof meta.get('createdAt') !== 'string')
        meta.set('createdAt', new Date(0).toISOString())
    },
  },
  {
    to: 2,
    name: 'AddMethodDefaults',
    // Problem cards gain optional note, tags, author and cluster; new roots hold clusters,
    // target groups, strategy and logframe. Only the defaults need writing.
    up: seedMethodDefaults,
  },
  {
    to: 3,
    name: 'MakeStakeholderCardsActors',
    // Stakeholder cards of versions 1–2 were untyped: they become actors with neutral defaults.
    up(doc) {
      const { nodes, edges } = canvasRoots(doc, 'stakeholders')
      forEachRecord(nodes, (card) => apply(card, actorDefaultsPatch(readFields(card))))
      forEachRecord(edges, (link) => apply(link, relationKindPatch(readFields(link))))
    },
  },
  {
    to: 4,
    name: 'MakeTextsShared',
    // Free text (labels, notes, register and logframe cells) becomes Y.Text, merged by
    // character; fields that held something else than a string are left to the normaliser.
    up(doc) {
      for (const spec of REGISTRY)
        collectionRoot(doc, spec.name).forEach((map) => {
          if (!(map instanceof Y.Map)) return
          for (const [field, max] of Object.entries(spec.texts))
            if (typeof map.get(field) === 'string') sharedText(map, field, max)
        })
    },
  },
  {
    to: 5,
    name: 'AddPact',
    // The pact's collections and the dot votes are new roots; only the pact's frame record
    // (vision, territory, horizon) is written, so that two clients never create it at once.
    up: seedPact,
  },
  {
    to: 6,
    name: 'MakeIdSetsShared',
    // Sets of ids (a body's members, an actor's objectives, a card's tags) become shared lists
    // (Y.Array), so ids two people add at once are both kept; a record without one gets an
    // empty one; fields that held something else than a list are left to the normaliser.
    up(doc) {
      for (const spec of REGISTRY)
        collectionRoot(doc, spec.name).forEach((map) => {
          if (!(map instanceof Y.Map)) return
          // missing ones too: a list made later by two people at once would lose one's ids
          for (const field of spec.idSets ?? [])
            if (Array.isArray(map.get(field)) || !map.has(field)) sharedIdSet(map, field)
        })
    },
  },
  {
    to: 7,
    name: 'AllowUndecidedGovernance',
    // A body's decision rule and meeting frequency may be null: not decided yet. Nothing is
    // rewritten: a value a board holds may have been chosen, and it stays. The version tells a
    // build that cannot read "not decided" (it would show the old default) to stay away.
    up() {},
  },
]

export type MigrationResult =
  | { ok: true; from: number; to: number; applied: string[] }
  | { ok: false; reason: 'newer-version'; found: number }

/** The schema version a document declares (0 when absent). */
export function docSchemaVersion(doc: Y.Doc): number {
  const v = metaRoot(doc).get('schemaVersion')
  return typeof v === 'number' && Number.isInteger(v) ? v : 0
}

/**
 * Brings a document up to {@link SCHEMA_VERSION} in one transaction with the given origin.
 * Refuses (and changes nothing) when the document is newer than this build.
 */
export function migrateDoc(doc: Y.Doc, origin: unknown = 'migration'): MigrationResult {
  const from = docSchemaVersion(doc)
  if (from > SCHEMA_VERSION) return { ok: false, reason: 'newer-version', found: from }
  const pending = DOC_MIGRATIONS.filter((m) => m.to > from)
  if (pending.length === 0) return { ok: true, from, to: from, applied: [] }
  doc.transact(() => {
    for (const m of pending) m.up(doc)
    metaRoot(doc).set('schemaVersion', SCHEMA_VERSION)
  }, origin)
  return { ok: true, from, to: SCHEMA_VERSION, applied: pending.map((m) => m.name) }
}
