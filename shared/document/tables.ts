/**
 * The board's tables as plain rows of text, for the pact document and the spreadsheets alike:
 * one reading of the export, so the PDF and the CSV of a table always say the same thing.
 */
import type { BoardExport } from '../export/format.ts'
import { readLogframeRows } from '../method/logframeRows.ts'
import { rankCandidates, type CandidateRanking } from '../method/strategy.ts'
import { readCandidates, readCriteria, readScores } from '../method/strategyRecords.ts'
import { readActor, type Actor } from '../stakeholders/actors.ts'
import { coverageMatrix } from '../stakeholders/coverage.ts'
import { QUADRANTS, quadrantOf } from '../stakeholders/grid.ts'
import type { ImageLang } from '../render/labels.ts'
import { decimal, DOCUMENT_LABELS, type DocumentLabels } from './labels.ts'

/** A table: a header row and rows of the same length, every cell text. */
export interface Table {
  columns: string[]
  rows: string[][]
}

type Loose = { id: string } & Record<string, unknown>
const str = (v: unknown): string => (typeof v === 'string' ? v : '')
const loose = (items: readonly object[]) => items as unknown as Loose[]

export interface ObjectiveItem {
  id: string
  label: string
  status: string
}

/** Objectives as read on the tree: top to bottom, then left to right. */
export function objectivesInOrder(board: BoardExport): ObjectiveItem[] {
  return loose(board.canvases.objectives.nodes)
    .map((n) => ({
      id: n.id,
      label: str(n.label),
      status: str(n.status),
      x: typeof n.x === 'number' ? n.x : 0,
      y: typeof n.y === 'number' ? n.y : 0,
    }))
    .sort((a, b) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : 1))
    .map(({ id, label, status }) => ({ id, label, status }))
}

export function actorsOf(board: BoardExport): Actor[] {
  return loose(board.canvases.stakeholders.nodes)
    .map((n) => readActor(n.id, n))
    .sort((a, b) => a.label.localeCompare(b.label, 'it') || (a.id < b.id ? -1 : 1))
}

/** The labels of the core problem(s); usually one. */
export function coreProblems(board: BoardExport): string[] {
  return loose(board.canvases.problems.nodes)
    .filter((n) => n.role === 'core')
    .map((n) => str(n.label).trim())
    .filter(Boolean)
}

/**
 * The people who wrote on the board, as the board records them: the names on the problem cards
 * they wrote, on the scores and the dots they gave (presence itself is not stored). Sorted,
 * once each.
 */
export function peopleOf(board: BoardExport): string[] {
  const names = new Set<string>()
  for (const n of loose(board.canvases.problems.nodes)) names.add(str(n.author).trim())
  for (const s of loose(board.strategy.scores)) names.add(str(s.participantName).trim())
  for (const d of loose(board.votes?.dots ?? [])) names.add(str(d.voterName).trim())
  names.delete('')
  return [...names].sort((a, b) => a.localeCompare(b, 'it'))
}

export interface StrategyView {
  criteria: { id: string; label: string }[]
  candidates: { id: string; label: string; objectives: string[] }[]
  ranking: CandidateRanking[]
  chosen: string
}

export function strategyOf(board: BoardExport): StrategyView {
  const criteria = readCriteria(loose(board.strategy.criteria))
  const candidates = readCandidates(loose(board.strategy.candidates))
  const scores = readScores(loose(board.strategy.scores))
  const objectiveLabel = new Map(objectivesInOrder(board).map((o) => [o.id, o.label]))
  return {
    criteria,
    candidates: candidates.map((c) => ({
      id: c.id,
      label: c.label,
      objectives: c.objectives.map((id) => objectiveLabel.get(id) ?? '').filter(Boolean),
    })),
    ranking: rankCandidates(candidates, criteria, scores),
    chosen: candidates.some((c) => c.id === board.chosenStrategy) ? board.chosenStrategy : '',
  }
}

/** Logframe: level, description, indicators, sources of verification, assumptions. */
export function logframeTable(board: BoardExport, lang: ImageLang): Table {
  const l = DOCUMENT_LABELS[lang].logframe
  return {
    columns: [l.level, l.text, l.indicators, l.sources, l.assumptions],
    rows: readLogframeRows(loose(board.logframe)).map((r) => [
      l.levels[r.level],
      r.text,
      r.indicators,
      r.sources,
      r.assumptions,
    ]),
  }
}

/**
 * Strategy scores: one row per candidate, best first, with its rank, the average on each
 * criterion, the overall average, how many people scored it and whether it is the chosen one.
 * Averages in the language's decimal notation (Italian: comma); blank where nobody scored.
 */
export function scoresTable(board: BoardExport, lang: ImageLang): Table {
  const labels = DOCUMENT_LABELS[lang]
  const s = labels.strategy
  const view = strategyOf(board)
  const byId = new Map(view.candidates.map((c) => [c.id, c]))
  const avg = (v: number | null) => (v === null ? '' : decimal(v, lang))
  return {
    columns: [
      s.rank,
      s.candidate,
      ...view.criteria.map((c) => c.label),
      s.overall,
      s.scorers,
      s.chosen,
    ],
    rows: view.ranking.map((r) => [
      r.rank === null ? s.unranked : String(r.rank),
      byId.get(r.candidate)?.label ?? '',
      ...view.criteria.map((c) => avg(r.cells[c.id]?.average ?? null)),
      avg(r.average),
      String(r.scorers),
      r.candidate === view.chosen ? labels.yes : '',
    ]),
  }
}

/** Every single score: candidate, criterion, participant, score (one per person and cell). */
export function votesTable(board: BoardExport, lang: ImageLang): Table {
  const s = DOCUMENT_LABELS[lang].strategy
  const view = strategyOf(board)
  const candidate = new Map(view.candidates.map((c) => [c.id, c.label]))
  const criterion = new Map(view.criteria.map((c) => [c.id, c.label]))
  const order = new Map(view.criteria.map((c, i) => [c.id, i]))
  const rows = readScores(loose(board.strategy.scores))
    .filter((v) => candidate.has(v.candidate) && criterion.has(v.criterion))
    .sort(
      (a, b) =>
        candidate.get(a.candidate)!.localeCompare(candidate.get(b.candidate)!, 'it') ||
        order.get(a.criterion)! - order.get(b.criterion)! ||
        (a.participantName ?? a.participant).localeCompare(b.participantName ?? b.participant),
    )
    .map((v) => [
      candidate.get(v.candidate)!,
      criterion.get(v.criterion)!,
      v.participantName?.trim() || v.participant,
      String(v.score),
    ])
  return { columns: [s.candidate, s.criterion, s.participant, s.score], rows }
}

/** The register, condensed to what a reader of the document needs. */
export function registerTable(board: BoardExport, lang: ImageLang): Table {
  const labels = DOCUMENT_LABELS[lang]
  const r = labels.register
  return {
    columns: [r.name, r.organisation, r.category, r.power, r.interest, r.stance, r.contribution],
    rows: actorsOf(board).map((a) => [
      a.label,
      a.organisation,
      labels.image.categories[a.category],
      // an actor nobody has placed has no power or interest yet
      a.placed ? String(Math.round(a.power * 100)) : '—',
      a.placed ? String(Math.round(a.interest * 100)) : '—',
      a.stance === a.desiredStance
        ? labels.stances[a.stance]
        : `${labels.stances[a.stance]} → ${labels.stances[a.desiredStance]}`,
      a.contribution,
    ]),
  }
}

/** Mendelow's quadrants with the actors in each, the most powerful first. */
export function gridTable(board: BoardExport, lang: ImageLang): Table {
  const labels: DocumentLabels = DOCUMENT_LABELS[lang]
  const all = actorsOf(board)
  const actors = all.filter((a) => a.placed)
  const waiting = all.filter((a) => !a.placed)
  const order = ['manage-closely', 'keep-satisfied', 'keep-informed', 'monitor'] as const
  const names = (list: Actor[]) => list.map((a) => a.label || '—').join(', ')
  return {
    columns: [labels.grid.quadrant, labels.grid.actors],
    rows: [
      ...order
        .filter((q) => (QUADRANTS as readonly string[]).includes(q))
        .map((q) => [
          labels.image.quadrants[q],
          names(
            actors
              .filter((a) => quadrantOf(a) === q)
              .sort((a, b) => b.power - a.power || b.interest - a.interest),
          ),
        ]),
      // an actor nobody has placed sits in no quadrant: it waits, named apart
      ...(waiting.length ? [[labels.image.tray, names(waiting)]] : []),
    ],
  }
}

export interface CoverageView {
  table: Table
  uncovered: string[]
  withoutObjective: string[]
}

/** Actors × objectives, one row per objective that counts: who contributes, and how many. */
export function coverageOf(board: BoardExport, lang: ImageLang): CoverageView {
  const c = DOCUMENT_LABELS[lang].coverage
  const m = coverageMatrix(actorsOf(board), objectivesInOrder(board))
  const label = new Map(m.actors.map((a) => [a.id, a.label]))
  return {
    table: {
      columns: [c.objective, c.contributors, c.count],
      rows: m.objectives.map((o) => {
        const who = m.contributors.get(o.id) ?? []
        return [o.label, who.map((id) => label.get(id) ?? '').join(', '), String(who.length)]
      }),
    },
    uncovered: m.uncoveredObjectives.map(
      (id) => m.objectives.find((o) => o.id === id)?.label ?? '',
    ),
    withoutObjective: m.actorsWithoutObjective.map((id) => label.get(id) ?? ''),
  }
}
