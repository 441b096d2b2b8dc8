import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { actorCardSchema } from '../../shared/export/format.ts'
import { canvasRoots, readFields } from '../../shared/schema/index.ts'
import {
  REGISTER_COLUMNS,
  parseRegisterCsv,
  registerToCsv,
  type RegisterImport,
} from '../../shared/stakeholders/csv.ts'
import { columnNames } from '../../shared/stakeholders/names.ts'
import {
  decodeCsvBytes,
  detectSeparator,
  readCsv,
  writeCsv,
} from '../../shared/stakeholders/csvCore.ts'
import { readActor, type Actor } from '../../shared/stakeholders/actors.ts'
import { addActors, readActors } from '../../shared/stakeholders/doc.ts'

const fixture = (name: string) =>
  new Uint8Array(readFileSync(join(import.meta.dirname, '..', 'fixtures', name)))

function ok(result: RegisterImport) {
  if (!result.ok) throw new Error(`fatal: ${result.fatal.message}`)
  return result
}

describe('CSV reading (RFC 4180)', () => {
  it('reads quoted fields with separators, doubled quotes and line breaks', () => {
    const read = readCsv('a,b\r\n"x, y","say ""hi"""\r\n"two\r\nlines",z\r\n')
    expect(read).toEqual({
      ok: true,
      separator: ',',
      records: [
        { fields: ['a', 'b'], line: 1 },
        { fields: ['x, y', 'say "hi"'], line: 2 },
        { fields: ['two\r\nlines', 'z'], line: 3 },
      ],
    })
  })

  it('accepts LF, CR and a missing final line end; skips empty lines', () => {
    const read = readCsv('a;b\n1;2\r3;4\n\n5;6')
    expect(read.ok && read.records.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ])
  })

  it('detects Excel semicolons, tabs and the sep= directive', () => {
    expect(detectSeparator('name;category;power\n')).toBe(';')
    expect(detectSeparator('name,category,power\n')).toBe(',')
    expect(detectSeparator('name\tcategory\n')).toBe('\t')
    // separators inside quotes don't count
    expect(detectSeparator('"a;b;c;d",x,y\n')).toBe(',')
    expect(detectSeparator('sep=;\nname,category\n')).toBe(';')
  })

  it('reports an unclosed quote with its line', () => {
    expect(readCsv('a,b\n1,2\n"open,3\n4,5\n')).toEqual({
      ok: false,
      code: 'unclosed-quote',
      line: 3,
    })
  })

  it('writes what it reads back, quoting only what needs it', () => {
    const rows = [
      ['name', 'note'],
      ['Comune', 'plain'],
      ['Coop "Il Ponte"', 'a; b, c\nnew line'],
      [' spaced ', ''],
    ]
    const text = writeCsv(rows)
    expect(text.split('\r\n')[1]).toBe('Comune,plain')
    const back = readCsv(text)
    expect(back.ok && back.records.map((r) => r.fields)).toEqual(rows)
    const semi = readCsv(writeCsv(rows, ';'))
    expect(semi.ok && semi.records.map((r) => r.fields)).toEqual(rows)
  })

  it('decodes UTF-8 with or without BOM and refuses Windows-1252 bytes', () => {
    const utf8 = new TextEncoder().encode('città')
    expect(decodeCsvBytes(utf8)).toEqual({ ok: true, text: 'città' })
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({
      ok: true,
      text: 'città',
    })
    expect(decodeCsvBytes(new Uint8Array([0x61, 0x0a, 0x63, 0x69, 0x74, 0x74, 0xe0]))).toEqual({
      ok: false,
      code: 'not-utf8',
      line: 2,
    })
  })
})

describe('register import', () => {
  const objectives = [
    { id: 'obj-1', label: 'Più tirocini per i NEET' },
    { id: 'obj-2', label: 'Rete dei servizi integrata' },
  ]

  it('imports a good file with every field', () => {
    const result = ok(parseRegisterCsv(fixture('stakeholders-good.csv')))
    expect(result.issues).toEqual([])
    expect(result.badRows).toEqual([])
    expect(result.rows.map((r) => [r.row, r.fields.label, r.fields.category])).toEqual([
      [2, 'Comune di Bergamo', 'public'],
      [3, 'Cooperativa Il Ponte', 'third-sector'],
      [4, 'Confindustria Bergamo', 'economic'],
      [5, 'Associazione genitori', 'community'],
    ])
    expect(result.rows[0]!.fields).toMatchObject({
      organisation: 'Settore Politiche Sociali',
      pactRole: 'Capofila',
      power: 0.9,
      interest: 0.8,
      stance: 'supports',
      desiredStance: 'supports',
      engagement: 'Cabina di regia mensile',
      contact: 'politiche.sociali@comune.bg.it',
      objectives: [],
    })
    expect(result.rows[1]!.fields.interests).toBe('Inserimento lavorativo, tirocini')
    expect(result.rows[3]!.fields).toMatchObject({ stance: 'resists', desiredStance: 'neutral' })
  })

  it('reads an Excel file: BOM, sep=;, semicolons, decimal commas, percentages, names', () => {
    const result = ok(parseRegisterCsv(fixture('stakeholders-excel.csv')))
    expect(result.separator).toBe(';')
    expect(result.issues).toEqual([])
    expect(result.rows.map((r) => r.fields)).toMatchObject([
      {
        label: "Centro per l'impiego",
        organisation: 'Regione Lombardia',
        category: 'public',
        power: 0.7,
        interest: 0.55,
        stance: 'supports',
        desiredStance: 'supports',
      },
      {
        label: "Caritas; centro d'ascolto",
        category: 'third-sector',
        power: 0.3,
        interest: 0.8,
        stance: 'neutral',
      },
      // empty cells take the defaults: the middle of the grid, neutral
      { label: 'Parrocchia San Rocco', category: 'community', power: 0.5, interest: 0.5 },
    ])
  })

  it('keeps quoted fields with semicolons, quotes and line breaks', () => {
    const result = ok(parseRegisterCsv(fixture('stakeholders-multiline.csv')))
    expect(result.issues).toEqual([])
    expect(result.rows.map((r) => [r.row, r.fields.label, r.fields.contribution])).toEqual([
      [2, 'Cooperativa "La Rete"', 'Tre righe:\r\n- tutor\r\n- laboratori'],
      [3, 'Fondazione', 'Borse; lavoro'],
    ])
  })

  it('reports every bad row by row and column, and keeps the good ones apart', () => {
    const result = ok(parseRegisterCsv(fixture('stakeholders-bad-rows.csv')))
    expect(result.rows.map((r) => r.row)).toEqual([2, 6])
    expect(result.badRows).toEqual([3, 4, 5])
    expect(result.issues.map((i) => [i.row, i.column, i.code, i.value])).toEqual([
      [3, 'name', 'required', undefined],
      [4, 'category', 'unknown-category', 'banca'],
      [4, 'power', 'out-of-range', '140'],
      [5, 'power', 'not-a-number', 'alto'],
      [5, 'stance', 'unknown-stance', 'forse'],
    ])
    expect(result.issues[1]!.message).toBe(
      'row 4, column category: not an actor category ("banca")',
    )
    // an empty desired stance is the current one
    expect(result.rows[1]!.fields).toMatchObject({ stance: 'supports', desiredStance: 'supports' })
  })

  it('gives the row of the sheet and the line of the file after multi-line cells', () => {
    const text = 'name,category,contribution\n"A",public,"one\ntwo\nthree"\nB,nobody,\n'
    const result = ok(parseRegisterCsv(text))
    expect(result.issues).toMatchObject([{ row: 3, line: 5, column: 'category' }])
  })

  it('refuses a file that is not UTF-8, naming the line', () => {
    const result = parseRegisterCsv(fixture('stakeholders-windows1252.csv'))
    expect(result).toMatchObject({ ok: false, fatal: { code: 'not-utf8', line: 2 } })
  })

  it('reads headers in Italian, in English or as codes', () => {
    for (const head of ['Nome;Categoria;Potere', 'Name;Category;Power', 'name;category;power']) {
      const parsed = parseRegisterCsv(`${head}\nComune di Bergamo;Sistema Pubblico;80\n`)
      expect(parsed, head).toMatchObject({ ok: true })
      if (parsed.ok)
        expect(parsed.rows[0]!.fields).toMatchObject({
          label: 'Comune di Bergamo',
          category: 'public',
          power: 0.8,
        })
    }
  })

  it('refuses a header without the required or with unknown columns', () => {
    expect(parseRegisterCsv('name,power\nComune,0.5\n')).toMatchObject({
      ok: false,
      fatal: { code: 'missing-column', column: 'category' },
    })
    expect(parseRegisterCsv('name,category,colore\nComune,public,0.5\n')).toMatchObject({
      ok: false,
      fatal: { code: 'unknown-column', column: 'colore' },
    })
    expect(parseRegisterCsv('name,category,Name\n')).toMatchObject({
      ok: false,
      fatal: { code: 'duplicate-column' },
    })
    expect(parseRegisterCsv('')).toMatchObject({ ok: false, fatal: { code: 'empty-file' } })
    expect(parseRegisterCsv('name,category\n"Comune,public\n')).toMatchObject({
      ok: false,
      fatal: { code: 'unclosed-quote', line: 2 },
    })
  })

  it('flags fields beyond the header and too long texts', () => {
    const long = 'x'.repeat(2001)
    const result = ok(parseRegisterCsv(`name,category\nComune,public,extra\n${long},public\n`))
    expect(result.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, null, 'extra-fields'],
      [3, 'name', 'too-long'],
    ])
  })

  it('resolves objectives by label or id and flags unknown ones', () => {
    const text =
      'name,category,objectives\n' +
      'Comune,public,più tirocini per i neet | obj-2\n' +
      'Banca,economic,Obiettivo inventato\n'
    const result = ok(parseRegisterCsv(text, { objectives }))
    expect(result.rows[0]!.fields.objectives).toEqual(['obj-1', 'obj-2'])
    expect(result.issues).toMatchObject([
      { row: 3, column: 'objectives', code: 'unknown-objective', value: 'Obiettivo inventato' },
    ])
  })

  it('exports a register that imports back the same actors', () => {
    const actors: Actor[] = [
      readActor('a1', {
        label: '=Comune "centro"',
        organisation: 'Settore sociale; lavoro',
        category: 'public',
        power: 0.85,
        interest: 0.4,
        stance: 'neutral',
        desiredStance: 'supports',
        engagement: 'Incontro\ncon la giunta',
        objectives: ['obj-1', 'obj-2', 'deleted'],
      }),
      readActor('a2', { label: 'Coop', category: 'third-sector', power: 0, interest: 1 }),
    ]
    const csv = registerToCsv(actors, objectives)
    // what Italian Excel opens as columns: semicolons, the UI's words, 0–100
    // the header row in Italian, as the register shows it
    const header = REGISTER_COLUMNS.map((c) => columnNames('it')[c]).join(';')
    expect(csv.startsWith('\uFEFF' + header + '\r\n')).toBe(true)
    expect(header).toContain('Nome;Ente;Categoria')
    expect(csv.split('\r\n')[2]).toBe('a2;Coop;;Terzo Settore;;0;100;Neutrale;Neutrale;;;;;;;;')
    expect(csv).toContain(';Sistema Pubblico;;85;40;Neutrale;Sostiene;')
    // a name a spreadsheet would run as a formula is protected
    expect(csv).toContain(`"'=Comune ""centro"""`)
    const back = ok(parseRegisterCsv(new TextEncoder().encode(csv), { objectives }))
    expect(back.issues).toEqual([])
    expect(back.separator).toBe(';')
    expect(back.rows.map((r) => r.id)).toEqual(['a1', 'a2'])
    // where an actor sits (map place, grid tray) is not a register column
    const strip = ({ id: _id, x: _x, y: _y, placed: _placed, ...rest }: Actor) => rest
    expect(back.rows.map((r) => r.fields)).toEqual(
      actors
        .map(strip)
        .map((a) => ({ ...a, objectives: a.objectives.filter((o) => o !== 'deleted') })),
    )
  })

  it('adds the imported actors as whole cards in one transaction', () => {
    const doc = new Y.Doc()
    const result = ok(parseRegisterCsv(fixture('stakeholders-good.csv')))
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    let n = 0
    doc.transact(() =>
      addActors(
        doc,
        result.rows.map((r) => r.fields),
        () => `actor-${++n}`,
      ),
    )
    expect(transactions).toBe(1)
    const actors = readActors(doc)
    expect(actors.map((a) => a.label)).toEqual([
      'Comune di Bergamo',
      'Cooperativa Il Ponte',
      'Confindustria Bergamo',
      'Associazione genitori',
    ])
    // each in its own column of the map, nobody on top of another
    expect(new Set(actors.map((a) => `${a.x},${a.y}`)).size).toBe(4)
    expect(actors[0]).toMatchObject({ power: 0.9, interest: 0.8, objectives: [] })
    // every card is whole: it passes the export contract as it is
    canvasRoots(doc, 'stakeholders').nodes.forEach((map, id) =>
      expect(actorCardSchema.safeParse({ id, ...readFields(map) }).success).toBe(true),
    )
  })
})
