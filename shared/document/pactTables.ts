/**
 * The pact's records (schema 5: frame, governance, commitments, indicators, monitoring) as
 * plain rows of text, for the pact document and the spreadsheets alike.
 */
import type { BoardExport } from '../export/format.ts'
import {
  forText,
  ledgerToCsv,
  readCommitments,
  totalsByType,
  type LedgerCsvNames,
} from '../pact/ledger.ts'
import { COMMITMENT_TYPES, type AdaptationTarget } from '../schema/vocabulary.ts'
import {
  readAdaptations,
  type Indicator,
  readIndicators,
  readMeasurements,
  readRounds,
} from '../pact/monitoring.ts'
import { PACT_INFO_ID } from '../schema/pact.ts'
import type { ImageLang } from '../render/labels.ts'
import { formatDay, formatPeriod } from './labels.ts'
import { indicatorsToCsv } from '../pact/monitoringCsv.ts'
import { formatAmount, isMoney } from '../pact/amounts.ts'
import { PACT_LABELS, type PactLabels } from './pactLabels.ts'
import type { Table } from './tables.ts'

type Loose = { id: string } & Record<string, unknown>
const loose = (items: readonly object[] | undefined) => (items ?? []) as unknown as Loose[]
const str = (v: unknown): string => (typeof v === 'string' ? v : '')
/** A number as a reader of the document reads it (shared/pact/amounts.ts). */
const num = (v: number | null, lang: ImageLang, money = false) =>
  v === null ? '' : formatAmount(v, lang, money)

/** An amount and its unit: `120 ore`, `25.000,50 €`. */
const amountOf = (v: number | null, unit: string, lang: ImageLang) =>
  [num(v, lang, isMoney(unit)), unit].filter(Boolean).join(' ')

/** Names of what the pact's records point to: actors, objectives, logframe rows. */
function namesOf(board: BoardExport) {
  const names = new Map<string, string>()
  for (const n of loose(board.canvases.stakeholders.nodes)) names.set(n.id, str(n.label))
  for (const n of loose(board.canvases.objectives.nodes)) names.set(n.id, str(n.label))
  for (const r of loose(board.logframe)) names.set(r.id, str(r.text))
  return (id: string | null | undefined) => (id ? (names.get(id) ?? '') : '')
}

/**
 * Names of what an adaptation can change, by kind (the monitoring page's own list): an
 * indicator, a commitment (its actor and what it gives, as the page shows it), a governance
 * body, an objective, a logframe row. The kind matters: «Riguarda: Indicatori» alone did not
 * say which indicator.
 */
function targetNamesOf(board: BoardExport) {
  const name = namesOf(board)
  const byKind: Record<AdaptationTarget, Map<string, string>> = {
    indicator: new Map(readIndicators(loose(board.pact?.indicators)).map((i) => [i.id, i.label])),
    commitment: new Map(
      readCommitments(loose(board.pact?.commitments)).map((k) => [
        k.id,
        [name(k.actor), k.what].filter(Boolean).join(' — '),
      ]),
    ),
    body: new Map(loose(board.pact?.bodies).map((b) => [b.id, str(b.label)])),
    objective: new Map(loose(board.canvases.objectives.nodes).map((n) => [n.id, str(n.label)])),
    activity: new Map(loose(board.logframe).map((r) => [r.id, str(r.text)])),
  }
  return (kind: AdaptationTarget | null, id: string | null, l: PactLabels) => {
    if (!kind || !id) return ''
    const found = byKind[kind].get(id)
    return found === undefined ? l.removed : found.trim() || l.unnamed
  }
}

export interface PactFrame {
  vision: string
  territory: string
  horizon: string
}

export function pactFrame(board: BoardExport): PactFrame {
  const info = loose(board.pact?.info).find((r) => r.id === PACT_INFO_ID)
  const from = typeof info?.horizonFrom === 'number' ? info.horizonFrom : null
  const to = typeof info?.horizonTo === 'number' ? info.horizonTo : null
  return {
    vision: str(info?.vision).trim(),
    territory: str(info?.territory).trim(),
    horizon: from && to ? `${from}–${to}` : String(from ?? to ?? ''),
  }
}

/**
 * A governing body's members as the governance page lists them: an actor deleted from the
 * stakeholder map is left out (the body's record still holds its id; the export drops a
 * commitment or an adhesion of a deleted actor too), one without a name is «Attore senza
 * nome», the lead marked ★. The document had printed a deleted member as an empty name.
 */
function memberNames(board: BoardExport, body: Loose, l: PactLabels): string {
  const actors = new Map(
    loose(board.canvases.stakeholders.nodes).map((a) => [a.id, str(a.label).trim()]),
  )
  const members = Array.isArray(body.members) ? (body.members as unknown[]) : []
  const lead = typeof body.lead === 'string' ? body.lead : null
  return members
    .filter((m): m is string => typeof m === 'string' && actors.has(m))
    .map((m) => {
      const name = actors.get(m) || l.unnamedActor
      return m === lead ? `${name} ★` : name
    })
    .join(', ')
}

export function bodiesTable(board: BoardExport, lang: ImageLang): Table {
  const l = PACT_LABELS[lang]
  const rows = loose(board.pact?.bodies)
    .slice()
    .sort((a, b) => Number(a.order ?? 0) - Number(b.order ?? 0) || (a.id < b.id ? -1 : 1))
    .map((b) => {
      return [
        str(b.label),
        l.levels[b.level as keyof typeof l.levels] ?? '',
        str(b.mandate),
        memberNames(board, b, l),
        l.decisions[b.decision as keyof typeof l.decisions] ?? l.undecided,
        l.frequencies[b.frequency as keyof typeof l.frequencies] ?? l.undecided,
      ]
    })
  const c = l.body
  return { columns: [c.label, c.level, c.mandate, c.members, c.decision, c.frequency], rows }
}

export function rulesOf(board: BoardExport): string[] {
  return loose(board.pact?.rules)
    .slice()
    .sort((a, b) => Number(a.order ?? 0) - Number(b.order ?? 0) || (a.id < b.id ? -1 : 1))
    .map((r) => str(r.text).trim())
    .filter(Boolean)
}

/** The ledger's spreadsheet columns and words in `lang` (shared/pact/ledger.ts writes it). */
export function ledgerCsvNames(lang: ImageLang): LedgerCsvNames {
  const l = PACT_LABELS[lang]
  const c = l.commitment
  return {
    columns: {
      actor: c.actor,
      type: c.type,
      what: c.what,
      amount: c.amount,
      ...l.ledgerColumns,
      status: c.status,
    },
    types: l.types,
    statuses: l.statuses,
    decimalComma: lang === 'it',
    links: l.links,
  }
}

/** The pact's commitments as the ledger's spreadsheet, what the ledger's own button gives. */
export function commitmentsCsv(board: BoardExport, lang: ImageLang): string {
  const name = namesOf(board)
  return ledgerToCsv(
    readCommitments(loose(board.pact?.commitments)),
    (id) => name(id),
    ledgerCsvNames(lang),
  )
}

export function commitmentsTable(board: BoardExport, lang: ImageLang): Table {
  const l = PACT_LABELS[lang]
  const name = namesOf(board)
  const c = l.commitment
  return {
    // what it is for as the spreadsheet says it: the objective and the logframe row, labelled
    columns: [c.actor, c.type, c.what, c.amount, c.period, l.ledgerColumns.for, c.status],
    rows: readCommitments(loose(board.pact?.commitments)).map((k) => [
      name(k.actor),
      l.types[k.type],
      k.what,
      amountOf(k.amount, k.unit, lang),
      formatPeriod(k.from, k.to, lang),
      forText(k, name, l.links),
      l.statuses[k.status],
    ]),
  }
}

/** The commitments summed per resource (as the ledger's totals: broken ones do not count). */
export function commitmentTotalsTable(board: BoardExport, lang: ImageLang): Table {
  const l = PACT_LABELS[lang]
  const c = l.totals
  const totals = totalsByType(readCommitments(loose(board.pact?.commitments)))
  return {
    columns: [c.type, c.total, c.count],
    rows: COMMITMENT_TYPES.flatMap((type) => {
      const t = totals.get(type)
      if (!t) return []
      const sums = t.amounts.map((a) => amountOf(a.amount, a.unit, lang))
      if (t.unquantified) sums.push(`${t.unquantified} ${c.unquantified}`)
      return [[l.types[type], sums.join(' · '), String(t.count)]]
    }),
  }
}

export function adhesionsTable(board: BoardExport, lang: ImageLang): Table {
  const l = PACT_LABELS[lang]
  const name = namesOf(board)
  const c = l.adhesion
  return {
    columns: [c.actor, c.adheres, c.date, c.signedBy],
    rows: loose(board.pact?.adhesions)
      .map((a) => [
        name(str(a.actor)),
        a.adheres === true ? l.yes : l.no,
        formatDay(str(a.date), lang),
        str(a.signedBy),
      ])
      .sort((a, b) => a[0]!.localeCompare(b[0]!, 'it')),
  }
}

/** The indicators as the document shows them: a value and its date in one cell. */
export function indicatorsTable(board: BoardExport, lang: ImageLang): Table {
  const l = PACT_LABELS[lang]
  const name = namesOf(board)
  const c = l.indicator
  const at = (i: Indicator, v: number | null, date: string | null) =>
    [num(v, lang, isMoney(i.unit)), date ? `(${formatDay(date, lang)})` : '']
      .filter(Boolean)
      .join(' ')
  return {
    columns: [
      c.label,
      c.unit,
      c.direction,
      c.baseline,
      c.target,
      c.source,
      c.frequency,
      c.responsible,
      c.linkedTo,
    ],
    rows: readIndicators(loose(board.pact?.indicators)).map((i) => [
      i.label,
      i.unit,
      l.directions[i.direction],
      at(i, i.baseline, i.baselineDate),
      at(i, i.target, i.targetDate),
      i.source,
      l.frequencies[i.frequency],
      name(i.responsible),
      forText(i, name, l.links),
    ]),
  }
}

/**
 * The indicators as a spreadsheet, what the indicators page's own button gives: each value a
 * number of its own (decimal comma in Italian, no thousands dot) and its date in the next
 * column, so Excel can compute with both («40 (31/12/2026)» in one cell was text). Dates in
 * ISO form (`2026-12-31`), as every CSV of the pact writes them (see `monitoringCsv.ts`).
 */
export function indicatorsCsv(board: BoardExport, lang: ImageLang): string {
  const l = PACT_LABELS[lang]
  const name = namesOf(board)
  const c = l.indicator
  return indicatorsToCsv(readIndicators(loose(board.pact?.indicators)), c, {
    decimalComma: lang === 'it',
    direction: (d) => l.directions[d],
    frequency: (f) => l.frequencies[f],
    actor: (id) => name(id),
    linked: (i) => forText(i, name, l.links),
    state: () => '',
  })
}

export interface MonitoringView {
  /** One row per round and indicator measured in it. */
  values: Table
  /** One row per round that wrote feedback. */
  feedback: Table
  adaptations: Table
}

export function monitoringOf(board: BoardExport, lang: ImageLang): MonitoringView {
  const l = PACT_LABELS[lang]
  const name = namesOf(board)
  const targetName = targetNamesOf(board)
  const rounds = readRounds(loose(board.pact?.rounds))
  const roundName = new Map(rounds.map((r) => [r.id, r.label]))
  const indicators = readIndicators(loose(board.pact?.indicators))
  const measurements = readMeasurements(loose(board.pact?.measurements))
  const values: string[][] = []
  for (const round of rounds)
    for (const indicator of indicators) {
      const m = measurements.get(`${round.id}|${indicator.id}`)
      if (!m || m.value === null) continue
      values.push([
        round.label,
        formatDay(round.date, lang),
        indicator.label,
        amountOf(m.value, indicator.unit, lang),
      ])
    }
  const r = l.round
  const a = l.adaptation
  return {
    values: { columns: [r.round, r.date, r.indicator, r.value], rows: values },
    feedback: {
      columns: [r.round, r.date, r.feedback],
      rows: rounds
        .filter((x) => x.feedback.trim())
        .map((x) => [x.label, formatDay(x.date, lang), x.feedback]),
    },
    adaptations: {
      columns: [r.round, a.what, a.who, a.due, a.target, a.done],
      rows: readAdaptations(loose(board.pact?.adaptations)).map((x) => [
        roundName.get(x.round) ?? '',
        x.what,
        name(x.who),
        formatDay(x.due, lang),
        [x.targetKind ? l.targets[x.targetKind] : '', targetName(x.targetKind, x.target, l)]
          .filter(Boolean)
          .join(': '),
        x.done ? l.yes : l.no,
      ]),
    },
  }
}
