import { beforeAll, describe, expect, it } from 'vitest'
import { extractText, getDocumentProxy } from 'unpdf'
import { buildPactPdf, pactFileName, SECTIONS } from '../../server/export/pactPdf.ts'
import { columnWidths } from '../../server/export/pdfTable.ts'
import { DOCUMENT_LABELS } from '../../shared/document/labels.ts'
import { ACTOR, CORE, MARKUP, pactBoard } from '../helpers/pactBoard.ts'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseBoardExport } from '../../shared/export/restore.ts'
import { indicatorsTable } from '../../shared/document/pactTables.ts'
import type { BoardExport } from '../../shared/export/format.ts'

/** Text runs of one page joined by spaces, whitespace folded (a PDF has no words, only runs). */
const fold = (s: string) => s.replace(/\s+/g, ' ').trim()

let pdf: Buffer
let pages: string[]
let all: string

beforeAll(async () => {
  pdf = await buildPactPdf(pactBoard(60))
  const doc = await getDocumentProxy(new Uint8Array(pdf))
  pages = (await extractText(doc, { mergePages: false })).text.map(fold)
  all = pages.join(' ')
}, 60_000)

describe('the pact document (PDF)', () => {
  it('sets a narrow column’s header small enough to wrap between words, never inside one', () => {
    const ranking = pages.find((p) => p.includes('Classifica'))!
    expect(ranking).toContain('Media complessiva')
    expect(ranking).toContain('Strategia scelta')
    expect(ranking).toMatch(/Economico- ?finanziario/)
    expect(pages.find((p) => p.startsWith('Registro degli stakeholder'))).toContain('Interesse')
  })

  it('keeps every header word whole with six criteria beside the strategy’s name', async () => {
    const board = pactBoard(60)
    const more = ['Istituzionale', 'Ambientale', 'Già coperto da altri attori']
    board.strategy.criteria.push(
      ...more.map((label, i) => ({ id: `extra${i}`, label, order: 10 + i })),
    )
    const doc = await getDocumentProxy(new Uint8Array(await buildPactPdf(board)))
    const text = (await extractText(doc, { mergePages: false })).text.map(fold)
    const ranking = text.find((p) => p.includes('Classifica'))!
    for (const header of [...more, 'Posizione', 'Media complessiva', 'Strategia scelta'])
      expect(ranking).toContain(header)
    expect(ranking).toMatch(/Economico- ?finanziario/)
  }, 30_000)

  it('widens a column to its header’s longest word with room taken from the wider ones', () => {
    // proportions kept when every column has what it needs
    expect(columnWidths([1, 1], 100, [10, 10])).toEqual([50, 50])
    const widths = columnWidths([3, 1, 1], 100, [10, 30, 10])
    expect(widths[1]).toBeCloseTo(30)
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100)
    expect(widths[0]).toBeGreaterThanOrEqual(10)
    expect(widths[2]).toBeGreaterThanOrEqual(10)
    // needs that cannot all be met: the proportions stand
    expect(columnWidths([1, 1], 100, [60, 60])).toEqual([50, 50])
  })

  it('reads the pact as an Italian reader does: whole words, Italian dates and numbers, what each indicator measures, the totals', () => {
    const indicators = pages.find((p) => p.includes('Giovani NEET presi in carico'))!
    // cells wide enough for their longest word: «Semestr ale», «Da aume ntare» no more
    expect(indicators).toContain('Semestrale')
    expect(indicators).toContain('Da aumentare')
    expect(indicators).toContain('40 (01/12/2026)')
    expect(indicators).toContain('120 (01/12/2028)')
    expect(indicators).toContain('Collegato a')
    const commitments = pages.find((p) => p.includes('Educatori per l’orientamento'))!
    expect(commitments).toContain('Ore di personale')
    expect(commitments).toContain('120,5 ore')
    expect(commitments).toContain('01/01/2027 → 31/12/2027')
    expect(all).not.toMatch(/\b2027-01-01\b/)
    // the ledger's totals per resource
    expect(all).toContain('Totali per risorsa')
    expect(all).toMatch(/Ore di personale 120,5 ore 1/)
  })

  it('keeps the indicators’ words whole when the longest words of all nine columns cannot all fit', async () => {
    const board = pactBoard(4)
    const indicator = board.pact.indicators[0] as Record<string, unknown>
    Object.assign(indicator, {
      label: 'Persone accompagnate in percorsi personalizzati di inserimento lavorativo',
      unit: 'partecipanti',
      baseline: 7,
      baselineDate: '2026-01-01',
      target: 25,
      targetDate: '2027-12-31',
      source: 'Osservatorio provinciale sull’occupazione',
      frequency: 'quarterly',
    })
    const doc = await getDocumentProxy(new Uint8Array(await buildPactPdf(board)))
    const text = (await extractText(doc, { mergePages: false })).text.map(fold)
    const page = text.find((p) => p.startsWith('Indicatori condivisi'))!
    for (const word of [
      'percorsi',
      'personalizzati',
      'inserimento',
      'lavorativo',
      'partecipanti',
      'Trimestrale',
      'Da aumentare',
      '7 (01/01/2026)',
      '25 (31/12/2027)',
      'Osservatorio',
      'provinciale',
      'sull’occupazione',
    ])
      expect(page).toContain(word)
  }, 30_000)

  it('draws a tree too wide for a readable page in pieces on sideways pages, cut between its branches, its cards’ text at 7 pt', async () => {
    // 20 causes side by side under the core problem: fitted on one upright page, its text
    // came out at 3 pt; then cut in tiles, a card at every edge
    const board = pactBoard(6)
    const causes = Array.from({ length: 20 }, (_, i) => ({
      id: `wide-${i}`,
      kind: 'problem' as const,
      role: 'cause' as const,
      label: `Causa numero ${i + 1}`,
      x: -2200 + i * 220,
      y: 400,
    }))
    board.canvases.problems.nodes.push(...causes)
    board.canvases.problems.edges.push(
      ...causes.map((c) => ({
        id: `l-${c.id}`,
        kind: 'cause-effect',
        source: c.id,
        target: 'core',
      })),
    )
    const doc = await getDocumentProxy(new Uint8Array(await buildPactPdf(board)))
    const text = (await extractText(doc, { mergePages: false })).text.map(fold)
    const pieces = text
      .map((t, i) => ({ t, i }))
      .filter(({ t }) => /^Albero dei problemi — parte \d di \d/.test(t))
    expect(pieces.length).toBeGreaterThan(1)
    expect(pieces[0]!.t).toContain(`parte 1 di ${pieces.length}`)
    for (const { i, t } of pieces) {
      const page = await doc.getPage(i + 1)
      const [, , w, h] = page.view
      expect(w!).toBeGreaterThan(h!)
      // the core problem on every piece
      expect(t).toContain(CORE)
    }
    // every cause is there once, whole, and its text is at least 7 pt tall
    const joined = pieces.map(({ t }) => t).join(' ')
    for (const c of causes) expect(joined.split(`${c.label} `)).toHaveLength(2)
    const first = await doc.getPage(pieces[0]!.i + 1)
    const items = (await first.getTextContent()).items as { str: string; transform: number[] }[]
    const label = items.find((it) => it.str.startsWith('Causa numero'))!
    expect(Math.hypot(label.transform[2]!, label.transform[3]!)).toBeGreaterThanOrEqual(6.99)
    // the pages after the picture are upright again
    const after = await doc.getPage(pieces.at(-1)!.i + 3)
    expect(after.view[3]!).toBeGreaterThan(after.view[2]!)
  }, 60_000)

  it('keeps whole a word exactly as wide as its column (the space after it does not count)', async () => {
    // board-v5.json: «Più NEET trovano lavoro» in «Collegato a» read «Più NEET tr / ovano
    // lavoro», the column as wide as «trovano» but not as «trovano » with its space
    const raw = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'board-v5.json'), 'utf8')
    const parsed = parseBoardExport(JSON.parse(raw), 'it')
    if (!parsed.ok) throw new Error('board-v5.json does not parse')
    const board = parsed.board as BoardExport
    const doc = await getDocumentProxy(new Uint8Array(await buildPactPdf(board)))
    const text = (await extractText(doc, { mergePages: false })).text.map(fold)
    const page = text.find((p) => p.startsWith('Indicatori condivisi'))!
    expect(page).toContain('Più NEET trovano lavoro')
    for (const cell of indicatorsTable(board, 'it').rows.flat())
      for (const word of cell.split(/\s+/).filter(Boolean)) expect(page).toContain(word)
  }, 30_000)

  it('breaks a word wider than the page can give with a hyphen, and only that word', async () => {
    const long = 'Osservatorioprovincialesulloccupazioneesulladisoccupazionegiovanile'
    const board = pactBoard(4)
    Object.assign(board.pact.indicators[0] as Record<string, unknown>, {
      source: `${long} di Bergamo`,
    })
    const doc = await getDocumentProxy(new Uint8Array(await buildPactPdf(board)))
    const text = (await extractText(doc, { mergePages: false })).text.map(fold)
    const page = text.find((p) => p.startsWith('Indicatori condivisi'))!
    // cut into parts, each but the last ending in a hyphen; put back together it is the word
    expect(page).not.toContain(long)
    expect(page).toMatch(/Osservator\p{L}*- \p{L}/u)
    expect(page.replace(/(\p{L})- (?=\p{L})/gu, '$1')).toContain(`${long} di Bergamo`)
    expect(page).toContain('Semestrale')
    expect(page).toContain('Più giovani trovano un lavoro stabile')
  }, 30_000)

  it('writes money with its cents as two decimals and groups the thousands of every number', async () => {
    const board = pactBoard(4)
    const hours = board.pact.commitments[0] as Record<string, unknown>
    Object.assign(hours, { amount: 1200 })
    board.pact.commitments.push({
      ...(hours as (typeof board.pact.commitments)[number]),
      id: 'k2',
      type: 'money',
      what: 'Cofinanziamento dello sportello',
      amount: 25000.5,
      unit: '€',
      order: 1,
    })
    Object.assign(board.pact.indicators[0] as Record<string, unknown>, { baseline: 4000 })
    const doc = await getDocumentProxy(new Uint8Array(await buildPactPdf(board)))
    const text = (await extractText(doc, { mergePages: true })).text.replace(/\s+/g, ' ')
    expect(text).toContain('25.000,50 €')
    expect(text).not.toContain('25.000,5 €')
    expect(text).toContain('1.200 ore')
    expect(text).not.toContain('1200 ore')
    // the totals per resource and the indicators' values read the same way
    expect(text).toMatch(/Ore di personale 1\.200 ore 1/)
    expect(text).toMatch(/Risorse economiche 25\.000,50 € 1/)
    expect(text).toContain('4.000 (01/12/2026)')
  }, 30_000)

  it('is an A4 PDF with the title as its title', async () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const doc = await getDocumentProxy(new Uint8Array(pdf))
    const page = await doc.getPage(1)
    const [, , width, height] = page.view
    expect(Math.round(width!)).toBe(595)
    expect(Math.round(height!)).toBe(842)
    const meta = await doc.getMetadata()
    expect((meta.info as { Title?: string }).Title).toContain('Patto Val Seriana 2027')
  })

  it('holds every section title as text, in the contents and at its page', () => {
    const labels = DOCUMENT_LABELS.it
    for (const section of SECTIONS) {
      const title = section.title(labels, 'it')
      expect(pages[0], `contents: ${title}`).toContain(title)
      expect(
        pages.slice(1).some((p) => p.startsWith(title)),
        `a page starts with ${title}`,
      ).toBe(true)
    }
    expect(all).toContain('Visione comune')
    expect(all).toContain('Impegni reciproci')
  })

  it('names the board, its territory, the core problem and the people who wrote on it', () => {
    expect(pages[0]).toContain('Patto Val Seriana 2027 — «città» più inclusiva')
    expect(pages[0]).toContain('Val Seriana e Val di Scalve')
    expect(pages[0]).toContain(`Problema centrale: ${CORE}`)
    expect(pages[0]).toContain('Aurora, Niccolò, Zoë')
    expect(pages[0]).toContain('2 dicembre 2026')
  })

  it('keeps accents and markup as plain text, in the tables and in the vector trees', () => {
    expect(all).toContain('Attività')
    expect(all).toContain('Fraternità')
    // the problem tree's picture: its labels are text too, the markup shown as written
    expect(all).toContain('<img src=x onerror=alert(1)>')
    expect(MARKUP.startsWith('<img')).toBe(true)
    expect(pdf.includes('/JavaScript')).toBe(false)
    expect(pdf.includes('/JS')).toBe(false)
  })

  it('holds a register row: name, category, power, interest and stance', () => {
    expect(all).toMatch(
      new RegExp(
        `${ACTOR} Comune; «Ufficio "Lavoro"» seconda riga — città Terzo Settore 80 90 Neutrale → Sostiene`,
      ),
    )
  })

  it('breaks the long logframe across pages with its header repeated, and numbers every page', () => {
    const header =
      'Livello Descrizione Indicatori oggettivamente verificabili Fonti di verifica Ipotesi'
    const withHeader = pages.filter((p) => p.includes(header))
    expect(withHeader.length).toBeGreaterThanOrEqual(2)
    // every row is there once, in order, across those pages
    const rows = [...all.matchAll(/Attività numero (\d+):/g)].map((m) => Number(m[1]))
    expect(rows).toEqual(Array.from({ length: 59 }, (_, i) => i + 1))
    pages.forEach((p, i) => expect(p).toContain(`Pagina ${i + 1} di ${pages.length}`))
  })

  it('has a file name from title and day', () => {
    expect(pactFileName('Patto Val Seriana 2027', '2026-12-02')).toBe(
      'patto-val-seriana-2027-documento-patto-2026-12-02.pdf',
    )
  })
})
