import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  parseRegisterCsv,
  registerToCsv,
  type RegisterImport,
} from '../../shared/stakeholders/csv.ts'
import { detectScale } from '../../shared/stakeholders/csvRow.ts'
import { addActors, readActors } from '../../shared/stakeholders/doc.ts'
import { applyImport, planImport } from '../../shared/stakeholders/merge.ts'
import { lookupName, CATEGORY_NAMES, STANCE_NAMES } from '../../shared/stakeholders/names.ts'
import { stakeholders as it_ } from '../../client/i18n/locales/it/stakeholders.ts'
import { stakeholders as en } from '../../client/i18n/locales/en/stakeholders.ts'

function ok(result: RegisterImport) {
  if (!result.ok) throw new Error(`fatal: ${result.fatal.message}`)
  return result
}

function boardWith(csv: string): Y.Doc {
  const doc = new Y.Doc()
  let n = 0
  doc.transact(() =>
    addActors(
      doc,
      ok(parseRegisterCsv(csv)).rows.map((r) => r.fields),
      () => `actor-${++n}`,
    ),
  )
  return doc
}

const REGISTER = [
  'name;organisation;category;power;interest;stance',
  'Comune di Bergamo;Politiche sociali;Sistema Pubblico;90;80;Sostiene',
  'Cooperativa Il Ponte;;Terzo Settore;40;90;Neutrale',
  'Università;;Sistema Economico-Produttivo;60;30;Resiste',
].join('\n')

describe('re-importing the register', () => {
  it('export then import of the same file changes nothing (0 added, 0 updated)', () => {
    const doc = boardWith(REGISTER)
    const before = readActors(doc)
    const csv = registerToCsv(before)
    const plan = planImport(before, ok(parseRegisterCsv(csv)).rows)
    expect(plan).toMatchObject({ added: [], updated: [], unchanged: 3 })
    let n = 0
    doc.transact(() => applyImport(doc, plan, () => `new-${++n}`))
    expect(readActors(doc)).toEqual(before)
  })

  it('matches by id first, so a renamed actor is updated, not duplicated', () => {
    const doc = boardWith(REGISTER)
    const csv = registerToCsv(readActors(doc)).replace('Comune di Bergamo', 'Comune di BG')
    const plan = planImport(readActors(doc), ok(parseRegisterCsv(csv)).rows)
    expect(plan.added).toEqual([])
    expect(plan.updated).toEqual([{ id: 'actor-1', row: 2, patch: { label: 'Comune di BG' } }])
    doc.transact(() => applyImport(doc, plan, () => 'x'))
    expect(readActors(doc).map((a) => a.label)).toEqual([
      'Comune di BG',
      'Cooperativa Il Ponte',
      'Università',
    ])
  })

  it('without ids matches names ignoring case and accents, adds new names, updates only given columns', () => {
    const doc = boardWith(REGISTER)
    const file = [
      'name,category,power',
      'COMUNE DI BERGAMO,public,95',
      'universita,economic,',
      'Fondazione della comunità,community,20',
    ].join('\n')
    const plan = planImport(readActors(doc), ok(parseRegisterCsv(file)).rows)
    expect(plan.added.map((r) => r.fields.label)).toEqual(['Fondazione della comunità'])
    // the name's spelling changes too (the file says so); organisation, interest and stance
    // are not in the file and stay as they are
    expect(plan.updated).toEqual([
      { id: 'actor-1', row: 2, patch: { label: 'COMUNE DI BERGAMO', power: 0.95 } },
      { id: 'actor-3', row: 3, patch: { label: 'universita' } },
    ])
    let n = 0
    doc.transact(() => applyImport(doc, plan, () => `new-${++n}`))
    const after = readActors(doc)
    expect(after).toHaveLength(4)
    expect(after[0]).toMatchObject({
      organisation: 'Politiche sociali',
      interest: 0.8,
      power: 0.95,
    })
  })

  it('can add the new actors without touching the existing ones', () => {
    const doc = boardWith(REGISTER)
    const file = 'name;category;power\nComune di Bergamo;public;10\nNuovo;community;50\n'
    const plan = planImport(readActors(doc), ok(parseRegisterCsv(file)).rows)
    doc.transact(() => applyImport(doc, plan, () => 'new-1', { update: false }))
    const after = readActors(doc)
    expect(after.map((a) => a.label)).toContain('Nuovo')
    expect(after.find((a) => a.id === 'actor-1')!.power).toBe(0.9)
  })

  it('two rows with the same name match two same-named actors, then add', () => {
    const doc = boardWith('name,category\nScuola,public\nScuola,public\n')
    const file = 'name,category\nScuola,public\nScuola,public\nScuola,public\n'
    const plan = planImport(readActors(doc), ok(parseRegisterCsv(file)).rows)
    expect(plan.unchanged).toBe(2)
    expect(plan.added).toHaveLength(1)
  })
})

describe('an actor nobody has placed', () => {
  /** A board with one actor in the tray (as the page adds it) and one on the grid. */
  function boardWithTray(): Y.Doc {
    const doc = new Y.Doc()
    let n = 0
    doc.transact(() =>
      addActors(
        doc,
        [
          {
            ...ok(parseRegisterCsv('name;category\nIn attesa;Terzo Settore')).rows[0]!.fields,
            placed: false,
          },
          ok(parseRegisterCsv('name;category;power;interest\nSul grafico;Sistema Pubblico;90;20'))
            .rows[0]!.fields,
        ],
        () => `actor-${++n}`,
      ),
    )
    return doc
  }

  it('exports blank power and interest, and a new board imports it back waiting in the tray', () => {
    const csv = registerToCsv(readActors(boardWithTray()), [])
    expect(csv).toContain('In attesa;;Terzo Settore;;;;')
    expect(csv).toContain(';Sistema Pubblico;;90;20;')
    const fresh = new Y.Doc()
    const rows = ok(parseRegisterCsv(new TextEncoder().encode(csv))).rows
    let n = 0
    fresh.transact(() => applyImport(fresh, planImport([], rows), () => `new-${++n}`))
    const placed = Object.fromEntries(readActors(fresh).map((a) => [a.label, a.placed]))
    expect(placed).toEqual({ 'In attesa': false, 'Sul grafico': true })
  })

  it('is placed on the grid when a file gives it power or interest', () => {
    const doc = boardWithTray()
    const rows = ok(parseRegisterCsv('name;category;power\nIn attesa;Terzo Settore;70')).rows
    const plan = planImport(readActors(doc), rows)
    expect(plan.updated).toEqual([
      { id: 'actor-1', row: expect.any(Number), patch: { power: 0.7, placed: true } },
    ])
    doc.transact(() => applyImport(doc, plan, () => 'unused'))
    expect(readActors(doc).find((a) => a.label === 'In attesa')).toMatchObject({
      placed: true,
      power: 0.7,
    })
  })
})

describe('power and interest scale in files', () => {
  it('reads 0–100, and the older 0–1 scale only when unambiguous', () => {
    expect(detectScale(['70', '55', '100'])).toBe('percent')
    expect(detectScale(['0.7', '0,55', '1', ''])).toBe('unit')
    // only whole 0 and 1: read as 0–100
    expect(detectScale(['0', '1'])).toBe('percent')
    // a mix: 70 can only be 0–100, so 0.5 is 0.5 on 0–100 too
    expect(detectScale(['70', '0.5'])).toBe('percent')
    // percentages say their own scale and do not decide the file's
    expect(detectScale(['80%', '0,3'])).toBe('unit')
  })

  it('stores 0–100 values as 0..1 and rejects values outside 0–100', () => {
    const result = ok(
      parseRegisterCsv('name;category;power;interest\nA;public;72,5;0\nB;public;101;5\n'),
    )
    expect(result.rows[0]!.fields).toMatchObject({ power: 0.73, interest: 0 })
    expect(result.issues).toMatchObject([{ row: 3, column: 'power', code: 'out-of-range' }])
    expect(result.issues[0]!.message).toContain('between 0 and 100')
  })
})

describe('vocabulary in files', () => {
  it('accepts the category and stance words the UI shows, in Italian and English', () => {
    for (const locale of [it_, en]) {
      for (const [code, word] of Object.entries(locale.categories))
        expect(lookupName(CATEGORY_NAMES, word)).toBe(code)
      for (const [code, word] of Object.entries(locale.stances))
        expect(lookupName(STANCE_NAMES, word)).toBe(code)
    }
  })
})
