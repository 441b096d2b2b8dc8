import { describe, expect, it } from 'vitest'
import {
  LEDGER_COLUMNS,
  ledgerGaps,
  ledgerToCsv,
  nextCommitmentOrder,
  readCommitments,
  totalOf,
  totalsByActor,
  totalsByObjective,
  totalsByType,
  unitKey,
  type Commitment,
  type LedgerTotal,
} from '../../shared/pact/ledger.ts'
import {
  editableNumber,
  formatAmounts,
  formatNumber,
  parseAmount,
} from '../../client/pact/commitments/format.ts'

let seq = 0
function commitment(fields: Partial<Commitment> & { actor: string }): Commitment {
  seq++
  return {
    id: `c${seq}`,
    type: 'staff-hours',
    what: '',
    amount: null,
    unit: '',
    from: null,
    to: null,
    objective: null,
    activity: null,
    status: 'confirmed',
    order: seq,
    ...fields,
  }
}

describe('the ledger of commitments', () => {
  it('reads stored commitments in ledger order, with safe values for bad fields', () => {
    const list = readCommitments([
      { id: 'b', actor: 'comune', type: 'money', amount: 5000, unit: '€', order: 2 },
      { id: 'a', actor: 'coop', type: 'nonsense', amount: 'lots', status: 'maybe', order: 1 },
      { id: 'x', type: 'money' },
    ])
    expect(list.map((c) => c.id)).toEqual(['a', 'b'])
    expect(list[0]).toMatchObject({ type: 'staff-hours', amount: null, status: 'proposed' })
    expect(list[1]).toMatchObject({ amount: 5000, unit: '€', objective: null, activity: null })
    expect(nextCommitmentOrder(list)).toBe(3)
    expect(nextCommitmentOrder([])).toBe(1)
  })

  it('reads a money commitment with no unit in euros, as its unit field shows: «25.000,50 €»', () => {
    const list = readCommitments([
      { id: 'a', actor: 'fondazione', type: 'money', amount: 25000.5, unit: '', order: 1 },
      { id: 'b', actor: 'comune', type: 'money', amount: 5000, unit: ' ', order: 2 },
      { id: 'c', actor: 'coop', type: 'staff-hours', amount: 300, unit: '', order: 3 },
      { id: 'd', actor: 'comune', type: 'money', amount: 10, unit: 'buoni', order: 4 },
    ])
    expect(list.map((c) => c.unit)).toEqual(['€', '€', '', 'buoni'])
    expect(formatAmounts(totalOf(list), 'it', '(senza unità)')).toEqual([
      '30.000,50 €',
      '300 (senza unità)',
      '10 buoni',
    ])
  })

  it('sums amounts per unit and never across units', () => {
    const total = totalOf([
      commitment({ actor: 'comune', amount: 10, unit: 'ore' }),
      commitment({ actor: 'comune', amount: 5.5, unit: ' Ore ' }),
      commitment({ actor: 'comune', amount: 2000, unit: '€' }),
      commitment({ actor: 'comune', amount: null, type: 'skills' }),
    ])
    expect(total.count).toBe(4)
    expect(total.unquantified).toBe(1)
    expect(total.amounts).toEqual([
      { key: 'ore', unit: 'ore', amount: 15.5 },
      { key: '€', unit: '€', amount: 2000 },
    ])
    expect(unitKey('  Metri   quadri ')).toBe('metri quadri')
  })

  it('adds decimals without binary noise', () => {
    const total = totalOf([
      commitment({ actor: 'a', amount: 0.1, unit: 'FTE' }),
      commitment({ actor: 'a', amount: 0.2, unit: 'fte' }),
    ])
    expect(total.amounts).toEqual([{ key: 'fte', unit: 'FTE', amount: 0.3 }])
  })

  it('leaves commitments that were not kept out of the totals', () => {
    const total = totalOf([
      commitment({ actor: 'a', amount: 10, unit: 'ore', status: 'broken' }),
      commitment({ actor: 'a', amount: 4, unit: 'ore', status: 'proposed' }),
    ])
    expect(total).toEqual({
      count: 1,
      unquantified: 0,
      amounts: [{ key: 'ore', unit: 'ore', amount: 4 }],
    })
  })

  it('totals per actor, per type and per objective', () => {
    const list = [
      commitment({ actor: 'comune', type: 'money', amount: 1000, unit: '€', objective: 'o1' }),
      commitment({ actor: 'comune', type: 'staff-hours', amount: 20, unit: 'ore', activity: 'r1' }),
      commitment({ actor: 'coop', type: 'money', amount: 500, unit: '€', objective: 'o2' }),
      commitment({ actor: 'coop', type: 'spaces', amount: 1, unit: 'aula', status: 'broken' }),
    ]
    const byActor = totalsByActor(list)
    expect(byActor.get('comune')?.count).toBe(2)
    expect(byActor.get('coop')?.amounts).toEqual([{ key: '€', unit: '€', amount: 500 }])

    const byType = totalsByType(list)
    expect(byType.get('money')?.amounts).toEqual([{ key: '€', unit: '€', amount: 1500 }])
    expect(byType.has('spaces')).toBe(false)

    // the logframe row r1 was generated from objective o1: its commitment serves o1 too
    const byObjective = totalsByObjective(list, new Map([['r1', 'o1']]))
    expect(byObjective.get('o1')).toEqual({
      count: 2,
      unquantified: 0,
      amounts: [
        { key: '€', unit: '€', amount: 1000 },
        { key: 'ore', unit: 'ore', amount: 20 },
      ],
    })
    expect(byObjective.get('o2')?.count).toBe(1)
  })

  it('a commitment naming an objective and a row of that same objective counts once', () => {
    const list = [
      commitment({ actor: 'a', amount: 3, unit: 'ore', objective: 'o1', activity: 'r1' }),
    ]
    const byObjective = totalsByObjective(list, new Map([['r1', 'o1']]))
    expect(byObjective.get('o1')?.amounts).toEqual([{ key: 'ore', unit: 'ore', amount: 3 }])
  })

  it('shows the gaps: objectives, activities and actors nobody committed', () => {
    const list = [
      commitment({ actor: 'comune', objective: 'o1' }),
      commitment({ actor: 'coop', activity: 'a2' }),
      commitment({ actor: 'impresa', activity: 'a3', status: 'broken' }),
    ]
    const gaps = ledgerGaps(list, {
      objectives: ['o1', 'o2', 'o3'],
      activities: ['a1', 'a2', 'a3'],
      actors: ['comune', 'coop', 'impresa', 'scuola'],
      rowObjective: new Map([['a2', 'o3']]),
    })
    expect(gaps).toEqual({
      objectives: ['o2'],
      activities: ['a1', 'a3'],
      actors: ['impresa', 'scuola'],
    })
  })

  it('an empty ledger leaves everything uncovered', () => {
    const gaps = ledgerGaps([], { objectives: ['o1'], activities: ['a1'], actors: ['x'] })
    expect(gaps).toEqual({ objectives: ['o1'], activities: ['a1'], actors: ['x'] })
    expect(totalOf([])).toEqual({ count: 0, unquantified: 0, amounts: [] })
  })
})

describe('the ledger as a spreadsheet', () => {
  const names = {
    columns: Object.fromEntries(LEDGER_COLUMNS.map((c) => [c, c.toUpperCase()])) as Record<
      (typeof LEDGER_COLUMNS)[number],
      string
    >,
    types: {
      'staff-hours': 'Ore di personale',
      money: 'Denaro',
      spaces: 'Spazi',
      services: 'Servizi',
      skills: 'Competenze',
      'data-tools': 'Dati e strumenti',
    },
    statuses: {
      proposed: 'Proposto',
      confirmed: 'Confermato',
      ongoing: 'In corso',
      kept: 'Rispettato',
      broken: 'Non rispettato',
    },
    decimalComma: true,
    links: { objective: 'Obiettivo', row: 'Quadro logico' },
  }
  const nameOf = (id: string) =>
    ({ comune: 'Comune di Bergamo', o1: 'Più NEET al lavoro', r1: 'Sportello settimanale' })[id] ??
    ''

  it('writes a BOM, a header, `;` separators and Italian decimals, one row per commitment', () => {
    const csv = ledgerToCsv(
      [
        commitment({
          actor: 'comune',
          type: 'money',
          what: 'Borse lavoro; tirocini',
          amount: 1500.5,
          unit: '€',
          from: '2027-01-01',
          to: '2027-12-31',
          objective: 'o1',
        }),
      ],
      nameOf,
      names,
    )
    expect(csv.startsWith('\uFEFFACTOR;TYPE;WHAT;AMOUNT;UNIT;FROM;TO;FOR;STATUS\r\n')).toBe(true)
    expect(csv).toContain(
      'Comune di Bergamo;Denaro;"Borse lavoro; tirocini";1500,5;€;2027-01-01;2027-12-31;Obiettivo: Più NEET al lavoro;Confermato\r\n',
    )
  })

  it('says what a commitment is for in full, labelled: the objective and the logframe row', () => {
    const row = (link: { objective?: string | null; activity?: string | null }) =>
      ledgerToCsv([commitment({ actor: 'comune', ...link })], nameOf, names)
        .split('\r\n')[1]!
        .split(';')[7]
    expect(row({ objective: 'o1', activity: 'r1' })).toBe(
      'Obiettivo: Più NEET al lavoro · Quadro logico: Sportello settimanale',
    )
    expect(row({ objective: null, activity: 'r1' })).toBe('Quadro logico: Sportello settimanale')
    expect(row({ objective: null, activity: null })).toBe('')
  })

  it('guards cells that a spreadsheet would run as formulas', () => {
    const csv = ledgerToCsv(
      [commitment({ actor: 'x', what: '=HYPERLINK("evil")' })],
      () => '',
      names,
    )
    expect(csv).toContain(`'=HYPERLINK`)
  })
})

describe('amounts as people type them', () => {
  it('reads Italian and English writing, and refuses what is not a number', () => {
    expect(parseAmount('1.500')).toBe(1500)
    expect(parseAmount('1.500,5')).toBe(1500.5)
    expect(parseAmount('12,5')).toBe(12.5)
    expect(parseAmount('1,500.5')).toBe(1500.5)
    expect(parseAmount('2.5')).toBe(2.5)
    expect(parseAmount(' 120 ')).toBe(120)
    expect(parseAmount('')).toBeNull()
    expect(parseAmount('tante')).toBeUndefined()
    expect(parseAmount('1e20')).toBeUndefined()
    expect(editableNumber(1500.5, 'it')).toBe('1500,5')
    expect(editableNumber(1500.5, 'en')).toBe('1500.5')
  })

  it('shows them as the pact’s document writes them: money with its cents, thousands grouped', () => {
    expect(formatNumber(25000.5, 'it', '€')).toBe('25.000,50')
    expect(formatNumber(25000.5, 'it', 'euro')).toBe('25.000,50')
    expect(formatNumber(25000, 'it', '€')).toBe('25.000')
    expect(formatNumber(1200, 'it', 'ore')).toBe('1.200')
    expect(formatNumber(12.5, 'it', 'ore')).toBe('12,5')
    expect(formatNumber(25000.5, 'en', 'EUR')).toBe('25,000.50')
    const total: LedgerTotal = {
      ...totalOf([]),
      amounts: [
        { key: '€', unit: '€', amount: 25000.5 },
        { key: '', unit: '', amount: 120 },
      ],
    }
    expect(formatAmounts(total, 'it', 'unità')).toEqual(['25.000,50 €', '120 unità'])
  })
})
