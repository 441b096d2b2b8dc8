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
  textValue,
  COLLECTIONS,
  type CollectionName,
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
      applied: [
        'AddMetaDefaults',
        'AddMethodDefaults',
        'MakeStakeholderCardsActors',
        'MakeTextsShared',
        'AddPact',
        'MakeIdSetsShared',
        'AllowUndecidedGovernance',
      ],
    })
    expect(transactions).toBe(1)
    expect(docSchemaVersion(doc)).toBe(SCHEMA_VERSION)
    expect(readMeta(doc).phase).toBe('problems')
    expect(textValue(canvasRoots(doc, 'problems').nodes.get('a')?.get('label'))).toBe('x')
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
      applied: [
        'MakeStakeholderCardsActors',
        'MakeTextsShared',
        'AddPact',
        'MakeIdSetsShared',
        'AllowUndecidedGovernance',
      ],
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
      // its id set, empty, made by migration 6 (shared from the start)
      objectives: [],
    })
    expect(canvasRoots(doc, 'stakeholders').edges.get('r1')!.get('kind')).toBe('cooperation')
    expect(textValue(collectionRoot(doc, 'strategy.criteria').get('social')!.get('label'))).toBe(
      'Impatto sociale',
    )
  })

  it('a version-3 board: every text written as a plain string becomes a shared text with the same words', () => {
    const doc = new Y.Doc()
    initBoard(doc, 'v3', '2026-01-01T00:00:00.000Z')
    metaRoot(doc).set('schemaVersion', 3)
    // as version 3 (or a stock client) wrote records: plain strings
    const raw = (name: CollectionName, id: string, fields: Record<string, unknown>) => {
      const map = new Y.Map<unknown>()
      for (const [k, v] of Object.entries(fields)) map.set(k, v)
      collectionRoot(doc, name).set(id, map)
    }
    raw('problems.nodes', 'p', {
      kind: 'problem',
      label: 'Povertà',
      note: 'ISTAT',
      x: 0,
      y: 0,
      role: 'core',
    })
    raw('stakeholders.nodes', 'a', {
      kind: 'actor',
      label: 'Comune',
      contact: 'uff@comune.it',
      x: 1,
      y: 1,
    })
    raw('logframe.rows', 'r', {
      level: 'overall',
      text: 'Meno NEET',
      indicators: '−10%',
      sources: '',
      assumptions: 'x',
      order: 0,
    })
    expect(migrateDoc(doc)).toMatchObject({
      ok: true,
      from: 3,
      applied: ['MakeTextsShared', 'AddPact', 'MakeIdSetsShared', 'AllowUndecidedGovernance'],
    })
    const p = canvasRoots(doc, 'problems').nodes.get('p')!
    expect(p.get('label')).toBeInstanceOf(Y.Text)
    expect(p.get('note')).toBeInstanceOf(Y.Text)
    expect(readFields(p)).toMatchObject({ label: 'Povertà', note: 'ISTAT', role: 'core' })
    expect(readFields(canvasRoots(doc, 'stakeholders').nodes.get('a')!)).toMatchObject({
      label: 'Comune',
      contact: 'uff@comune.it',
    })
    const row = collectionRoot(doc, 'logframe.rows').get('r')!
    expect(row.get('indicators')).toBeInstanceOf(Y.Text)
    expect(readFields(row)).toMatchObject({
      text: 'Meno NEET',
      indicators: '−10%',
      assumptions: 'x',
    })
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
    expect(allRoots(a)).toHaveLength(1 + COLLECTIONS.length)
  })
})
