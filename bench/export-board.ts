/**
 * A whole generated board for the export benchmark: the client benchmark's problem tree of
 * `cards` cards, its objective tree (every problem reworded, same layout), one actor per ten
 * cards (at least 6) on the grid and the map, three candidate strategies scored by eight
 * people, and a logframe. Deterministic for a given size.
 */
import type { BoardExport } from '../shared/export/format.ts'
import {
  ACTOR_CATEGORIES,
  DEFAULT_CRITERIA,
  LOGFRAME_LEVELS,
  MEANS_END,
  RELATION_KINDS,
  STANCES,
} from '../shared/schema/vocabulary.ts'
import { generateBoard } from './client-board.ts'
import { prng } from './util.ts'

const ORGANISATIONS = [
  'Comune di Albino',
  'Centro per l’impiego di Seriate',
  'Cooperativa sociale Il Sentiero',
  'Confartigianato Bergamo',
  'Istituto superiore Valle Seriana',
  'Associazione genitori',
  'Caritas parrocchiale',
  'ATS Bergamo',
]
const PEOPLE = ['Giulia', 'Niccolò', 'Aurora', 'Mattia', 'Chiara', 'Luca', 'Fabrizio', 'Zoë']

type Nodes = BoardExport['canvases']['objectives']['nodes']
type Edges = BoardExport['canvases']['objectives']['edges']
type Actors = BoardExport['canvases']['stakeholders']['nodes']
type Relations = BoardExport['canvases']['stakeholders']['edges']

export function exportBoard(cards: number): BoardExport {
  const { board } = generateBoard(cards)
  const random = prng(cards * 31)
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!
  const problems = board.canvases.problems

  const objectives: Nodes = problems.nodes.map((p) => ({
    id: `o-${p.id}`,
    kind: 'objective',
    label: `Migliorare: ${p.label.toLowerCase()}`,
    derivedFrom: p.id,
    status: 'reworded',
    x: p.x,
    y: -p.y,
  }))
  const objectiveLinks: Edges = problems.edges.map((e) => ({
    id: `o-${e.id}`,
    kind: MEANS_END,
    source: `o-${e.source}`,
    target: `o-${e.target}`,
    derivedFrom: e.id,
  }))

  const actorCount = Math.max(6, Math.round(cards / 10))
  const actors: Actors = Array.from({ length: actorCount }, (_, i) => ({
    id: `actor-${i + 1}`,
    kind: 'actor',
    label: `${pick(ORGANISATIONS)} ${i + 1}`,
    x: (i % 6) * 280,
    y: Math.floor(i / 6) * 180,
    category: ACTOR_CATEGORIES[i % ACTOR_CATEGORIES.length]!,
    power: Math.round(random() * 100) / 100,
    interest: Math.round(random() * 100) / 100,
    stance: pick(STANCES),
    desiredStance: 'supports',
    organisation: pick(ORGANISATIONS),
    contribution: 'Ore di personale, spazi e contatti con le imprese della valle',
    objectives: [pick(objectives).id, pick(objectives).id],
  }))
  const relations: Relations = actors.slice(1).map((a, i) => ({
    id: `rel-${i + 1}`,
    kind: RELATION_KINDS[i % RELATION_KINDS.length]!,
    source: actors[i]!.id as string,
    target: a.id as string,
  }))

  const tops = objectives.slice(1, 4)
  const candidates = tops.map((o, i) => ({
    id: `cand-${i + 1}`,
    label: `Strategia ${i + 1}: ${o.label}`,
    objectives: [o.id],
  }))
  const criteria = DEFAULT_CRITERIA.map((c, i) => ({ ...c, order: i }))
  const scores = candidates.flatMap((c) =>
    criteria.flatMap((k) =>
      PEOPLE.map((person, p) => ({
        id: `${c.id}|${k.id}|p${p}`,
        candidate: c.id,
        criterion: k.id,
        participant: `p${p}`,
        participantName: person,
        score: 1 + Math.floor(random() * 5),
      })),
    ),
  )
  const logframe = LOGFRAME_LEVELS.flatMap((level, l) =>
    Array.from({ length: level === 'activity' ? 8 : level === 'result' ? 4 : 1 }, (_, i) => ({
      id: `lf-${level}-${i}`,
      level,
      objective: null,
      text: `${pick(objectives).label} (${l + 1}.${i + 1})`,
      indicators: 'Numero di giovani presi in carico; percorsi avviati entro 6 mesi',
      sources: 'Registri dei servizi; banca dati del centro per l’impiego',
      assumptions: 'Le imprese aderiscono; i comuni confermano il finanziamento',
      order: i,
    })),
  )

  return {
    ...board,
    phase: 'stakeholders',
    chosenStrategy: 'cand-1',
    canvases: {
      problems,
      objectives: { nodes: objectives, edges: objectiveLinks },
      stakeholders: { nodes: actors, edges: relations },
    },
    strategy: { candidates, criteria, scores },
    logframe,
  }
}
