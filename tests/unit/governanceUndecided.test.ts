import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { extractText, getDocumentProxy } from 'unpdf'
import { bodiesTable } from '../../shared/document/pactTables.ts'
import {
  SCHEMA_VERSION,
  collectionRoot,
  initBoard,
  metaRoot,
  migrateDoc,
  normaliseRecord,
  pactBody,
  putCard,
  putRecord,
  normaliseFields,
} from '../../shared/schema/index.ts'
import { exportBoard, parseBoardExport } from '../../shared/export/index.ts'
import { buildPactPdf, SECTIONS } from '../../server/export/pactPdf.ts'

/** A body as the governance page creates it: named, nothing decided yet. */
function boardWithBody(fields: Record<string, unknown> = {}) {
  const doc = new Y.Doc()
  initBoard(doc, 'Patto', '2026-12-01T10:00:00.000Z')
  putRecord(doc, 'pact.bodies', 'tavolo', {
    label: 'Tavolo tecnico',
    mandate: '',
    level: 'technical',
    members: [],
    lead: null,
    decision: null,
    frequency: null,
    order: 0,
    ...fields,
  })
  return doc
}

/** The text of the pact document's governance section, its blanks made single spaces. */
async function governancePdfText(board: ReturnType<typeof exportBoard>): Promise<string> {
  const governance = SECTIONS.filter((s) => s.id === 'governance')
  const pdf = await buildPactPdf(board, { sections: governance })
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), {
    mergePages: true,
  })
  return text.replace(/\s+/g, ' ')
}

describe('a body whose decision rule and meeting frequency are not decided', () => {
  it('reads «Da decidere» in the pact’s document, not a rule nobody chose', async () => {
    const board = exportBoard(boardWithBody(), '2026-12-02T10:00:00.000Z')
    const table = bodiesTable(board, 'it')
    // the last two columns: how it decides, how often it meets
    expect(table.rows[0]!.slice(4)).toEqual(['Da decidere', 'Da decidere'])
    expect(bodiesTable(board, 'en').rows[0]!.slice(4)).toEqual(['To be decided', 'To be decided'])

    const text = await governancePdfText(board)
    expect(text).toContain('Da decidere')
    expect(text).not.toMatch(/Consenso|Mensile/)
    // no lead marked, so no word on what ★ means
    expect(text).not.toContain('capofila dell')
  })

  it('keeps a chosen rule and frequency in the document, and says what the lead’s ★ means', async () => {
    const doc = boardWithBody({
      decision: 'majority',
      frequency: 'quarterly',
      members: ['comune'],
      lead: 'comune',
    })
    putCard(doc, 'stakeholders', 'comune', { kind: 'actor', label: 'Comune di Lecco', x: 0, y: 0 })
    const board = exportBoard(doc, '2026-12-02T10:00:00.000Z')
    const row = bodiesTable(board, 'it').rows[0]!
    expect(row.slice(3)).toEqual(['Comune di Lecco ★', 'Maggioranza', 'Trimestrale'])
    const text = await governancePdfText(board)
    expect(text).toContain('★ il capofila dell’organo.')
  })

  it('exports as null and imports again, as it was', () => {
    const board = exportBoard(boardWithBody(), '2026-12-02T10:00:00.000Z')
    expect(board.pact.bodies[0]).toMatchObject({ decision: null, frequency: null })
    const parsed = parseBoardExport(JSON.parse(JSON.stringify(board)))
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.board.pact.bodies[0]).toMatchObject({ decision: null, frequency: null })
  })

  it('reads a value that is no rule as not decided, where it used to read «Consenso»', () => {
    const read = normaliseFields(pactBody, {
      id: 'tavolo',
      label: 'Tavolo',
      mandate: '',
      level: 'technical',
      members: [],
      decision: 'whoever shouts loudest',
      frequency: 7,
      order: 0,
    })
    expect(read).not.toBeNull()
    expect(read!.decision ?? null).toBeNull()
    expect(read!.frequency ?? null).toBeNull()
  })

  it('a board of schema 6 migrates to 7 with its bodies’ choices as they were', () => {
    const doc = boardWithBody({ decision: 'consensus', frequency: 'monthly' })
    metaRoot(doc).set('schemaVersion', 6)
    const result = migrateDoc(doc)
    expect(result).toEqual({
      ok: true,
      from: 6,
      to: SCHEMA_VERSION,
      applied: ['AllowUndecidedGovernance'],
    })
    const body = collectionRoot(doc, 'pact.bodies').get('tavolo') as Y.Map<unknown>
    expect(normaliseRecord(pactBody, 'tavolo', body)).toMatchObject({
      decision: 'consensus',
      frequency: 'monthly',
    })
  })
})
