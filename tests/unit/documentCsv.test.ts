import { describe, expect, it } from 'vitest'
import { boardCsv, csvFileName, tableToCsv, CSV_TABLES } from '../../shared/document/csv.ts'
import { readCsv } from '../../shared/stakeholders/csvCore.ts'
import { parseRegisterCsv } from '../../shared/stakeholders/csv.ts'
import { unprotect } from '../../shared/stakeholders/csvRow.ts'
import { ACTOR, FORMULA, TRICKY, pactBoard } from '../helpers/pactBoard.ts'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseBoardExport } from '../../shared/export/restore.ts'
import { commitmentsTable } from '../../shared/document/pactTables.ts'

/** Parses a CSV as a spreadsheet would: BOM, `;`, quoted fields; rows of cells. */
function cells(text: string): string[][] {
  const read = readCsv(text, ';')
  if (!read.ok) throw new Error(`unreadable CSV at line ${read.line}`)
  return read.records.map((r) => r.fields)
}

describe('the board’s tables as Italian spreadsheets', () => {
  it('every table starts with a BOM and an Italian header, separated by semicolons', () => {
    const board = pactBoard(6)
    const headers = Object.fromEntries(
      CSV_TABLES.map((t) => [t, boardCsv(board, t)] as const).map(([t, csv]) => {
        expect(csv.startsWith('\uFEFF'), t).toBe(true)
        expect(csv.endsWith('\r\n'), t).toBe(true)
        return [t, cells(csv)[0]]
      }),
    )
    expect(headers.logframe).toEqual([
      'Livello',
      'Descrizione',
      'Indicatori oggettivamente verificabili',
      'Fonti di verifica',
      'Ipotesi',
    ])
    expect(headers.scores).toEqual([
      'Posizione',
      'Strategia',
      'Sociale',
      'Economico-finanziario',
      'Tecnico',
      'Media complessiva',
      'Valutatori',
      'Strategia scelta',
    ])
    expect(headers.votes).toEqual(['Strategia', 'Criterio', 'Partecipante', 'Voto'])
    expect(headers.register).toContain('Capacità')
    expect(headers.commitments).toEqual([
      'Attore',
      'Risorsa',
      'Che cosa',
      'Quantità',
      'Unità',
      'Dal',
      'Al',
      'Per',
      'Stato',
    ])
  })

  it('a commitment’s amount is a number of its own (decimal comma), its unit beside it', () => {
    const rows = cells(boardCsv(pactBoard(3), 'commitments'))
    expect(rows[1]!.slice(3, 5)).toEqual(['120,5', 'ore'])
    const english = cells(boardCsv(pactBoard(3), 'commitments', 'en'))
    expect(english[1]!.slice(3, 5)).toEqual(['120.5', 'ore'])
  })

  it('says what a commitment and an indicator are for as the PDF does, both links labelled', () => {
    // board-v5.json's commitment c-1 is for an objective and for a logframe row: the PDF
    // showed the objective, the CSV the row
    const raw = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'board-v5.json'), 'utf8')
    const parsed = parseBoardExport(JSON.parse(raw), 'it')
    if (!parsed.ok) throw new Error('board-v5.json does not parse')
    const board = parsed.board
    const both = 'Obiettivo: Più NEET trovano lavoro · Quadro logico: Più NEET trovano lavoro'
    const commitments = cells(boardCsv(board, 'commitments'))
    expect(commitments[1]![commitments[0]!.indexOf('Per')]).toBe(both)
    const pdf = commitmentsTable(board, 'it')
    expect(pdf.rows[0]![pdf.columns.indexOf('Per')]).toBe(both)
    // the indicators, in the spreadsheet and the document alike (one table for both)
    const indicators = cells(boardCsv(board, 'indicators'))
    expect(indicators[1]).toContain('Obiettivo: Più NEET trovano lavoro')
    // a commitment for an objective alone says so
    const one = cells(boardCsv(pactBoard(3), 'commitments'))
    expect(one[1]![7]).toBe('Obiettivo: Più giovani trovano un lavoro stabile')
  })

  it('indicators: each value a number of its own, its date in the next column', () => {
    const board = pactBoard(3)
    Object.assign(board.pact.indicators[0] as Record<string, unknown>, { baseline: 1200.5 })
    const [header, row] = cells(boardCsv(board, 'indicators'))
    expect(header!.slice(3, 7)).toEqual([
      'Valore di partenza',
      'Data di partenza',
      'Traguardo',
      'Data del traguardo',
    ])
    // Excel computes with «1200,5» and «2026-12-01»; «40 (01/12/2026)» in one cell was text
    expect(row!.slice(3, 7)).toEqual(['1200,5', '2026-12-01', '120', '2028-12-01'])
    const [enHeader, en] = cells(boardCsv(board, 'indicators', 'en'))
    expect(enHeader!.slice(3, 7)).toEqual(['Baseline', 'Baseline date', 'Target', 'Target date'])
    expect(en!.slice(3, 7)).toEqual(['1200.5', '2026-12-01', '120', '2028-12-01'])
  })

  it('writes dates one way in every CSV: ISO days, which Excel reads as dates in any language', () => {
    const board = pactBoard(3)
    const iso = /^\d{4}-\d{2}-\d{2}$/
    for (const lang of ['it', 'en'] as const)
      for (const table of ['commitments', 'indicators'] as const) {
        const [header, row] = cells(boardCsv(board, table, lang))
        const dates = header!.flatMap((h, i) =>
          /^(Dal|Al|From|To)$|Data|date/.test(h) ? [row![i]!] : [],
        )
        expect(dates.length, `${table} ${lang}`).toBe(2)
        for (const d of dates) expect(d, `${table} ${lang}`).toMatch(iso)
      }
  })

  it('round-trips semicolons, quotes, line breaks and accents through a CSV parser', () => {
    const table = {
      columns: ['Città', 'Nota'],
      rows: [
        [TRICKY, 'perché; sì'],
        ['"tra virgolette"', 'riga 1\r\nriga 2'],
        ['', 'àèéìòù ÀÈ «» € ’'],
      ],
    }
    const back = cells(tableToCsv(table))
    expect(back).toEqual([table.columns, ...table.rows])
  })

  it('logframe rows come back cell for cell, in table order, the formula guarded', () => {
    const board = pactBoard(8)
    const [, ...rows] = cells(boardCsv(board, 'logframe'))
    expect(rows).toHaveLength(8)
    expect(rows[0]).toEqual([
      'Obiettivo generale',
      TRICKY,
      'Numero di percorsi avviati (riga 0); tasso di occupazione a 12 mesi',
      'Registri dei servizi; banca dati del centro per l’impiego',
      'Le imprese della valle aderiscono al patto',
    ])
    expect(rows.map((r) => r[0])).toEqual([
      'Obiettivo generale',
      'Obiettivo specifico',
      'Risultati attesi',
      'Risultati attesi',
      'Risultati attesi',
      'Risultati attesi',
      'Attività',
      'Attività',
    ])
    // a cell that would run as a formula in Excel is written behind a quote, read back intact
    expect(rows[2]![4]).toBe(`'${FORMULA}`)
    expect(unprotect(rows[2]![4]!)).toBe(FORMULA)
  })

  it('scores: the ranking best first, averages with a decimal comma, the chosen one marked', () => {
    const [, first, second] = cells(boardCsv(pactBoard(2), 'scores'))
    // three people scored 4, 5, 4 on each criterion: 13 / 3
    expect(first).toEqual([
      '1',
      'Strategia «scuola–lavoro»',
      '4,33',
      '4,33',
      '4,33',
      '4,33',
      '3',
      'sì',
    ])
    expect(second).toEqual([
      '2',
      'Strategia; con "virgolette"',
      '2,33',
      '2,33',
      '2,33',
      '2,33',
      '3',
      '',
    ])
    const english = cells(boardCsv(pactBoard(2), 'scores', 'en'))
    expect(english[0]![0]).toBe('Rank')
    expect(english[1]![2]).toBe('4.33')
  })

  it('votes: one row per person and cell, with the names people gave', () => {
    const [, ...rows] = cells(boardCsv(pactBoard(2), 'votes'))
    expect(rows).toHaveLength(2 * 3 * 3)
    expect(rows).toContainEqual(['Strategia «scuola–lavoro»', 'Sociale', 'Zoë', '5'])
  })

  it('the register is the register’s own CSV, which its import reads back', () => {
    const board = pactBoard(2)
    const objectives = board.canvases.objectives.nodes.map((o) => ({ id: o.id, label: o.label }))
    const back = parseRegisterCsv(boardCsv(board, 'register'), { objectives })
    expect(back.ok).toBe(true)
    if (!back.ok) return
    const actor = back.rows.find((r) => r.fields.label === ACTOR)!
    expect(actor.fields.organisation).toBe(TRICKY)
    expect(actor.fields.contribution).toBe(FORMULA)
    expect(actor.fields.power).toBeCloseTo(0.8)
    expect(actor.fields.objectives).toEqual(['o-core'])
    expect(back.issues).toEqual([])
  })

  it('file names come from title, table and day', () => {
    expect(csvFileName('Patto Val Seriana 2027', 'logframe', '2026-12-02')).toBe(
      'patto-val-seriana-2027-quadro-logico-2026-12-02.csv',
    )
  })
})
