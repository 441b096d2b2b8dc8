/**
 * Generated problem trees for the client benchmark: one core problem, causes below it, effects
 * above it, cause→effect links, Italian labels, laid out level by level on a grid so no two
 * cards overlap. Deterministic for a given size and seed.
 */
import type { BoardExport } from '../shared/export/format.ts'
import { EXPORT_FORMAT, emptyPact } from '../shared/export/format.ts'
import { SCHEMA_VERSION } from '../shared/schema/version.ts'
import { CAUSE_EFFECT, type ProblemRole } from '../shared/schema/vocabulary.ts'
import { prng } from './util.ts'

type ProblemCard = BoardExport['canvases']['problems']['nodes'][number]
type Link = BoardExport['canvases']['problems']['edges'][number]

const CORE = 'Pochi giovani NEET della Valle trovano un lavoro stabile'

const CAUSES = [
  'Scarso orientamento',
  'Pochi corsi di formazione professionale',
  'Trasporto pubblico insufficiente',
  'Scarsa collaborazione',
  'Informazioni frammentate sui servizi',
  'Risorse economiche limitate',
  'Competenze digitali deboli',
  'Bassa partecipazione ai tirocini',
  'Servizi di conciliazione carenti',
  'Offerta abitativa inadeguata',
  'Sfiducia verso i servizi pubblici',
  'Abbandono scolastico precoce',
  'Poche imprese disposte ad assumere giovani',
  'Mancanza di educatori di strada',
  'Barriere linguistiche',
  'Tempi lunghi di presa in carico',
]
const EFFECTS = [
  'Emigrazione dei giovani verso Milano',
  'Aumento della povertà familiare',
  'Perdita di competenze',
  'Isolamento sociale',
  'Calo demografico',
  'Maggiore ricorso ai servizi sociali',
  'Lavoro irregolare',
  'Disagio psicologico',
  'Minore gettito per i comuni',
  'Imprese senza personale qualificato',
]
const CONTEXTS = [
  'per i giovani',
  'nelle scuole superiori',
  'tra comuni e imprese',
  'nelle aree montane',
  'per le famiglie straniere',
  'nei centri per l’impiego',
  'nel terzo settore',
  'per le persone con disabilità',
  'nella bassa valle',
  'dopo i 25 anni',
  'tra gli enti del Patto',
  'nei piccoli comuni',
]

/** Grid cell: cards are 200–220 px wide and up to ~110 px tall with three lines of text. */
export const CELL_W = 250
export const CELL_H = 170
const CARD_W = 200

/** Cards per level: a few direct causes/effects, each with up to `fanout` children, and so on. */
function levelSizes(total: number, first: number, fanout: number): number[] {
  const sizes: number[] = []
  let left = total
  let next = first
  while (left > 0) {
    const n = Math.min(left, next)
    sizes.push(n)
    left -= n
    next = n * fanout
  }
  return sizes
}

export interface GeneratedBoard {
  cards: number
  links: number
  board: BoardExport
}

/** A problem tree of exactly `cards` cards (1 core, ~70% causes, ~30% effects). */
export function generateBoard(cards: number, seed = 7): GeneratedBoard {
  if (cards < 2) throw new Error('a bench board needs at least 2 cards')
  const random = prng(seed + cards)
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!
  const effects = Math.round((cards - 1) * 0.3)
  const causes = cards - 1 - effects
  // Columns so that the whole board is about as wide as a 16:10 screen (fitView zooms out).
  const columns = Math.max(6, Math.ceil(Math.sqrt(cards * 1.6 * (CELL_H / CELL_W))))

  const nodes: ProblemCard[] = [
    { id: 'core', kind: 'problem', role: 'core', label: CORE, x: -110, y: 0, author: 'Giulia' },
  ]
  const edges: Link[] = []
  const place = (role: ProblemRole, sizes: number[], direction: 1 | -1, pool: string[]) => {
    let parents = ['core']
    let row = 1
    let count = 0
    for (const size of sizes) {
      const ids: string[] = []
      for (let i = 0; i < size; i++) {
        const id = `${role}-${++count}`
        const r = Math.floor(i / columns)
        const inRow = Math.min(columns, size - r * columns)
        const c = i % columns
        nodes.push({
          id,
          kind: 'problem',
          role,
          label: `${pick(pool)} ${pick(CONTEXTS)}`,
          x: (c - (inRow - 1) / 2) * CELL_W - CARD_W / 2,
          y: direction * (row + r) * CELL_H,
        })
        // Children are spread evenly over the level above, in order: links stay short.
        const parent = parents[Math.floor((i * parents.length) / size)]!
        const [source, target] = role === 'cause' ? [id, parent] : [parent, id]
        edges.push({ id: `link-${role}-${count}`, kind: CAUSE_EFFECT, source, target })
        ids.push(id)
      }
      row += Math.ceil(size / columns)
      parents = ids
    }
  }
  place('cause', levelSizes(causes, 6, 4), 1, CAUSES)
  place('effect', levelSizes(effects, 4, 3), -1, EFFECTS)

  const now = new Date().toISOString()
  const board: BoardExport = {
    format: EXPORT_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    title: `Patto Territoriale Valle — banco di prova ${cards} schede`,
    exportedAt: now,
    createdAt: now,
    phase: 'problems',
    chosenStrategy: '',
    canvases: {
      problems: { nodes, edges },
      objectives: { nodes: [], edges: [] },
      stakeholders: { nodes: [], edges: [] },
    },
    clusters: [],
    targetGroups: [],
    strategy: { candidates: [], criteria: [], scores: [] },
    logframe: [],
    ...emptyPact(),
  }
  return { cards: nodes.length, links: edges.length, board }
}
