/**
 * The ledger of the pact's mutual commitments: commitments read from the document, totals per
 * actor, type and objective (amounts summed per unit, never across units), and the gaps — the
 * objectives and logframe activities nobody committed to, the actors with no commitment.
 */
import {
  COMMITMENT_STATUSES,
  COMMITMENT_TYPES,
  type CommitmentStatus,
  type CommitmentType,
} from '../schema/vocabulary.ts'
import { writeCsv } from '../stakeholders/csvCore.ts'
import { protect } from '../stakeholders/csvRow.ts'

type Loose = { id: string } & Record<string, unknown>

export interface Commitment {
  id: string
  actor: string
  type: CommitmentType
  what: string
  amount: number | null
  unit: string
  from: string | null
  to: string | null
  objective: string | null
  activity: string | null
  status: CommitmentStatus
  order: number
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '')
const orNull = (v: unknown): string | null => (typeof v === 'string' && v ? v : null)
const finite = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null

/** The unit a money commitment has when none is written: what its unit field shows. */
const MONEY_UNIT = '€'

const typeOf = (v: unknown): CommitmentType =>
  (COMMITMENT_TYPES as readonly unknown[]).includes(v) ? (v as CommitmentType) : 'staff-hours'

/**
 * Commitments as stored (loose records) into plain ones, in ledger order (order, then id). A
 * money commitment with no unit is in euros, as its empty unit field says («€» in grey): its
 * sums and the documents said «25.000,5 (senza unità)».
 */
export function readCommitments(items: readonly Loose[]): Commitment[] {
  return items
    .filter((c) => typeof c.actor === 'string' && c.actor)
    .map((c) => {
      const type = typeOf(c.type)
      const unit = str(c.unit)
      return {
        id: c.id,
        actor: c.actor as string,
        type,
        what: str(c.what),
        amount: finite(c.amount),
        unit: type === 'money' && !unit.trim() ? MONEY_UNIT : unit,
        from: orNull(c.from),
        to: orNull(c.to),
        objective: orNull(c.objective),
        activity: orNull(c.activity),
        status: (COMMITMENT_STATUSES as readonly unknown[]).includes(c.status)
          ? (c.status as CommitmentStatus)
          : 'proposed',
        order: finite(c.order) ?? 0,
      }
    })
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** The order a new commitment takes: after the last one. */
export function nextCommitmentOrder(commitments: readonly Pick<Commitment, 'order'>[]): number {
  return commitments.reduce((max, c) => Math.max(max, c.order), 0) + 1
}

/**
 * Whether a commitment counts in the totals and covers what it is for: a commitment that was
 * not kept (`broken`) no longer does; proposed ones do, as the pact's offer on the table.
 */
export function commitmentCounts(c: Pick<Commitment, 'status'>): boolean {
  return c.status !== 'broken'
}

/** One unit's sum. The unit is written as first met; `key` is how units are compared. */
export interface UnitAmount {
  key: string
  unit: string
  amount: number
}

export interface LedgerTotal {
  /** Commitments that count (see {@link commitmentCounts}). */
  count: number
  /** Sums per unit, largest count of commitments first; never one sum across units. */
  amounts: UnitAmount[]
  /** Counting commitments with no amount (a competence, say). */
  unquantified: number
}

/** Units compare without case and extra spaces: «Ore», «ore » and «ORE» are one unit. */
export function unitKey(unit: string): string {
  return unit.trim().replace(/\s+/g, ' ').toLocaleLowerCase('it')
}

/** Sums without binary noise (0.1 + 0.2 = 0.3). */
function add(a: number, b: number): number {
  return Math.round((a + b) * 1e6) / 1e6
}

/** The total of a set of commitments. */
export function totalOf(commitments: readonly Commitment[]): LedgerTotal {
  const amounts = new Map<string, UnitAmount & { n: number }>()
  let count = 0
  let unquantified = 0
  for (const c of commitments) {
    if (!commitmentCounts(c)) continue
    count++
    if (c.amount === null) {
      unquantified++
      continue
    }
    const key = unitKey(c.unit)
    const sum = amounts.get(key)
    if (sum) {
      sum.amount = add(sum.amount, c.amount)
      sum.n++
    } else amounts.set(key, { key, unit: c.unit.trim(), amount: c.amount, n: 1 })
  }
  return {
    count,
    unquantified,
    amounts: [...amounts.values()]
      .sort((a, b) => b.n - a.n || a.key.localeCompare(b.key))
      .map(({ key, unit, amount }) => ({ key, unit, amount })),
  }
}

/** Totals grouped by what `keysOf` says a commitment belongs to (none, one or several keys). */
export function totalsBy(
  commitments: readonly Commitment[],
  keysOf: (c: Commitment) => readonly string[],
): Map<string, LedgerTotal> {
  const groups = new Map<string, Commitment[]>()
  for (const c of commitments)
    for (const key of new Set(keysOf(c))) {
      const list = groups.get(key)
      if (list) list.push(c)
      else groups.set(key, [c])
    }
  const out = new Map<string, LedgerTotal>()
  for (const [key, list] of groups) {
    const total = totalOf(list)
    if (total.count > 0) out.set(key, total)
  }
  return out
}

export const totalsByActor = (commitments: readonly Commitment[]) =>
  totalsBy(commitments, (c) => [c.actor])

export const totalsByType = (commitments: readonly Commitment[]) =>
  totalsBy(commitments, (c) => [c.type])

/**
 * The objectives a commitment serves: the one it names and the one the logframe row it names
 * was generated from (`rowObjective`: row id → objective id).
 */
export function objectivesOf(
  c: Pick<Commitment, 'objective' | 'activity'>,
  rowObjective: ReadonlyMap<string, string | null>,
): string[] {
  const out: string[] = []
  if (c.objective) out.push(c.objective)
  const viaRow = c.activity ? rowObjective.get(c.activity) : null
  if (viaRow && viaRow !== c.objective) out.push(viaRow)
  return out
}

export const totalsByObjective = (
  commitments: readonly Commitment[],
  rowObjective: ReadonlyMap<string, string | null> = new Map(),
) => totalsBy(commitments, (c) => objectivesOf(c, rowObjective))

export interface LedgerGaps {
  /** Objectives (of those given, in their order) no counting commitment serves. */
  objectives: string[]
  /** Logframe rows (of those given) no counting commitment names. */
  activities: string[]
  /** Actors (of those given) with no counting commitment. */
  actors: string[]
}

/** What nobody has committed to yet, and who has committed to nothing. */
export function ledgerGaps(
  commitments: readonly Commitment[],
  scope: {
    objectives: readonly string[]
    activities: readonly string[]
    actors: readonly string[]
    rowObjective?: ReadonlyMap<string, string | null>
  },
): LedgerGaps {
  const rowObjective = scope.rowObjective ?? new Map()
  const objectives = new Set<string>()
  const activities = new Set<string>()
  const actors = new Set<string>()
  for (const c of commitments) {
    if (!commitmentCounts(c)) continue
    actors.add(c.actor)
    if (c.activity) activities.add(c.activity)
    for (const o of objectivesOf(c, rowObjective)) objectives.add(o)
  }
  return {
    objectives: scope.objectives.filter((id) => !objectives.has(id)),
    activities: scope.activities.filter((id) => !activities.has(id)),
    actors: scope.actors.filter((id) => !actors.has(id)),
  }
}

/** The ledger file's columns, in order. */
export const LEDGER_COLUMNS = [
  'actor',
  'type',
  'what',
  'amount',
  'unit',
  'from',
  'to',
  'for',
  'status',
] as const
export type LedgerColumn = (typeof LEDGER_COLUMNS)[number]

export interface LedgerCsvNames {
  columns: Record<LedgerColumn, string>
  types: Record<CommitmentType, string>
  statuses: Record<CommitmentStatus, string>
  /** Decimal comma (Italian spreadsheets) or point. */
  decimalComma: boolean
  /** What labels the two things a commitment can be for (see `forText`). */
  links: LinkWords
}

/** The words before an objective's name and before a logframe row's. */
export interface LinkWords {
  objective: string
  row: string
}

/**
 * What a commitment (or an indicator) is for, every link named and labelled: «Obiettivo: Più
 * NEET trovano lavoro · Quadro logico: Orientamento nelle scuole». A record may point to an
 * objective and to a logframe row at once (an imported board); the document showed only the
 * objective and the spreadsheet only the row, so the two files disagreed. Both write this.
 */
export function forText(
  link: { objective: string | null; activity: string | null },
  nameOf: (id: string) => string,
  words: LinkWords,
): string {
  const named = (word: string, id: string | null) => {
    const name = id ? nameOf(id).trim() : ''
    return name ? `${word}: ${name}` : ''
  }
  return [named(words.objective, link.objective), named(words.row, link.activity)]
    .filter(Boolean)
    .join(' · ')
}

/**
 * The ledger as a spreadsheet, written as the register is (`;`, CRLF, UTF-8 with a BOM so
 * Excel reads the accents, every cell behind the formula guard): one row per commitment, the
 * amount and its unit in two columns so a spreadsheet can sum them per unit.
 */
export function ledgerToCsv(
  commitments: readonly Commitment[],
  nameOf: (id: string) => string,
  names: LedgerCsvNames,
): string {
  const amount = (v: number | null) =>
    v === null ? '' : names.decimalComma ? String(v).replace('.', ',') : String(v)
  const rows = commitments.map((c) => [
    nameOf(c.actor),
    names.types[c.type],
    c.what,
    amount(c.amount),
    c.unit,
    c.from ?? '',
    c.to ?? '',
    forText(c, nameOf, names.links),
    names.statuses[c.status],
  ])
  const header = LEDGER_COLUMNS.map((c) => names.columns[c])
  return (
    '\uFEFF' +
    writeCsv(
      [header, ...rows].map((row) => row.map(protect)),
      ';',
    )
  )
}
