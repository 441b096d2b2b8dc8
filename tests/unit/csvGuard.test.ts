import { describe, expect, it } from 'vitest'
import { parseRegisterCsv, registerToCsv } from '../../shared/stakeholders/csv.ts'
import { readCsv } from '../../shared/stakeholders/csvCore.ts'
import { protect, unprotect } from '../../shared/stakeholders/csvRow.ts'
import { readActor } from '../../shared/stakeholders/actors.ts'

/** What a spreadsheet could read as a formula: a cell starting (after spaces) with a sign. */
const RUNNABLE = /^[\s]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B\u2212]|^[\t\r]/

const ATTACKS = [
  "=cmd|' /C calc'!A0",
  '+1+1',
  '-2+3',
  '@SUM(A1:A2)',
  '\uFF1D1+1', // ＝
  '\uFF0B1', // ＋
  '\uFF0D1', // －
  '\uFF20SUM(A1)', // ＠
  '\u22121', // − minus sign
  '\tstart with a tab',
  '\rstart with a CR',
  ' =after a space',
  '\u3000=after an ideographic space',
  "'=already quoted",
]

describe('CSV formula guard', () => {
  it('quotes every dangerous text and restores it exactly on import', () => {
    for (const v of ATTACKS) {
      expect(protect(v).startsWith("'"), JSON.stringify(v)).toBe(true)
      expect(unprotect(protect(v)), JSON.stringify(v)).toBe(v)
    }
    for (const v of ['Comune', "l'ente", "'citazione", '3 posti', '']) {
      expect(protect(v)).toBe(v)
      expect(unprotect(v)).toBe(v)
    }
  })

  it('guards every cell of the register, ids included, and round-trips', () => {
    const actors = ATTACKS.map((v, i) =>
      readActor(i === 0 ? v : `${v}-id`, {
        label: `${v} nome`,
        category: 'public',
        organisation: v,
        interests: v,
        contact: v,
        power: 0.5,
        interest: 0.5,
      }),
    )
    const csv = registerToCsv(actors)
    const read = readCsv(csv.replace(/^\uFEFF/, ''))
    if (!read.ok) throw new Error('unreadable CSV')
    const cells = read.records.slice(1).flatMap((r) => r.fields)
    expect(cells.length).toBeGreaterThan(0)
    for (const cell of cells) expect(RUNNABLE.test(cell), JSON.stringify(cell)).toBe(false)
    expect(cells).toContain(`'=cmd|' /C calc'!A0`)

    const back = parseRegisterCsv(csv)
    if (!back.ok) throw new Error(back.fatal.message)
    expect(back.issues).toEqual([])
    // ids and texts come back exactly as they were, leading spaces and tabs included
    expect(back.rows.map((r) => r.id)).toEqual(actors.map((a) => a.id))
    expect(back.rows.map((r) => r.fields.organisation)).toEqual(actors.map((a) => a.organisation))
  })
})
