import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  SCHEMA_VERSION,
  allRoots,
  canvasRoots,
  deleteCard,
  docSchemaVersion,
  initBoard,
  metaRoot,
  migrateDoc,
  putCard,
  putLink,
  readMeta,
  readFields,
  collectionRoot,
  DEFAULT_CRITERIA,
  DEFAULT_TARGET_GROUPS,
} from '../../shared/schema/index.ts'

describe('document schema', () => {
  it('a new board has the current version and its meta', () => {
    const doc = new Y.Doc()
    initBoard(doc, 'Patto', '2026-11-26T00:00:00.000Z')
    expect(readMeta(doc)).toEqual({
      schemaVersion: SCHEMA_VERSION,
      title: 'Patto',
      phase: 'problems',
      createdAt: '2026-11-26T00:00:00.000Z',
      chosenStrategy: '',
    })
    expect([...collectionRoot(doc, 'strategy.criteria').keys()]).toEqual(
      DEFAULT_CRITERIA.map((c) => c.id),
    )
    expect([...collectionRoot(doc, 'targetGroups').keys()]).toEqual(
      DEFAULT_TARGET_GROUPS.map((g) => g.id),
    )
    expect(migrateDoc(doc)).toEqual({
      ok: true,
      from: SCHEMA_VERSION,
      to: SCHEMA_VERSION,
      applied: [],
    })
  })

  it('migrates a version-0 document (no schemaVersion) in one transaction', () => {
    const doc = new Y.Doc()
    putCard(doc, 'problems', 'a', { kind: 'problem', label: 'x', x: 0, y: 0, role: 'core' })
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    const result = migrateDoc(doc)
    expect(result).toEqual({
      ok: true,
      from: 0,
      to: SCHEMA_VERSION,
      applied: ['AddMetaDefaults', 'AddMethodDefaults', 'MakeStakeholderCardsActors'],
    })
    expect(transactions).toBe(1)
    expect(docSchemaVersion(doc)).toBe(SCHEMA_VERSION)
    expect(readMeta(doc).phase).toBe('problems')
    expect(canvasRoots(doc, 'problems').nodes.get('a')?.get('label')).toBe('x')
  })

  it('a version-2 board: untyped stakeholder cards become actors, method data untouched', () => {
    const doc = new Y.Doc()
    initBoard(doc, 'v2', '2026-01-01T00:00:00.000Z')
    metaRoot(doc).set('schemaVersion', 2)
    putCard(doc, 'stakeholders', 'a1', { kind: 'card', label: 'Comune', x: 0, y: 0, power: 0.9 })
    putLink(doc, 'stakeholders', 'r1', { source: 'a1', target: 'a1', kind: 'friendship' })
    collectionRoot(doc, 'strategy.criteria').get('social')!.set('label', 'Impatto sociale')
    expect(migrateDoc(doc)).toMatchObject({
      ok: true,
      from: 2,
      applied: ['MakeStakeholderCardsActors'],
    })
    expect(readFields(canvasRoots(doc, 'stakeholders').nodes.get('a1')!)).toEqual({
      kind: 'actor',
      label: 'Comune',
      x: 0,
      y: 0,
      power: 0.9,
      interest: 0.5,
      category: 'community',
      stance: 'neutral',
      desiredStance: 'neutral',
    })
    expect(canvasRoots(doc, 'stakeholders').edges.get('r1')!.get('kind')).toBe('cooperation')
    expect(collectionRoot(doc, 'strategy.criteria').get('social')!.get('label')).toBe(
      'Impatto sociale',
    )
  })

  it('refuses a newer document and leaves it untouched', () => {
    const doc = new Y.Doc()
    metaRoot(doc).set('schemaVersion', SCHEMA_VERSION + 1)
    const before = Y.encodeStateAsUpdate(doc)
    expect(migrateDoc(doc)).toEqual({
      ok: false,
      reason: 'newer-version',
      found: SCHEMA_VERSION + 1,
    })
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })

  it('deleting a card removes the links touching it', () => {
    const doc = new Y.Doc()
    for (const id of ['a', 'b', 'c'])
      putCard(doc, 'problems', id, { kind: 'problem', label: id, x: 0, y: 0, role: 'cause' })
    putLink(doc, 'problems', 'ab', { source: 'a', target: 'b', kind: 'cause-effect' })
    putLink(doc, 'problems', 'bc', { source: 'b', target: 'c', kind: 'cause-effect' })
    putLink(doc, 'problems', 'ac', { source: 'a', target: 'c', kind: 'cause-effect' })
    deleteCard(doc, 'problems', 'b')
    expect([...canvasRoots(doc, 'problems').edges.keys()]).toEqual(['ac'])
  })

  it('concurrent creation of cards on two docs keeps both (roots, not lazy nested maps)', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    putCard(a, 'problems', 'from-a', { kind: 'problem', label: 'A', x: 0, y: 0, role: 'cause' })
    putCard(b, 'objectives', 'from-b', { kind: 'objective', label: 'B', x: 0, y: 0 })
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    for (const doc of [a, b]) {
      expect(canvasRoots(doc, 'problems').nodes.has('from-a')).toBe(true)
      expect(canvasRoots(doc, 'objectives').nodes.has('from-b')).toBe(true)
    }
    expect(allRoots(a)).toHaveLength(13)
  })
})
