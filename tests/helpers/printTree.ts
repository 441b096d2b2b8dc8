/**
 * A problem tree as a workshop makes it, for the pact document's tests: one core problem, a
 * few direct causes each with two or three sub-causes (and, in a larger tree, theirs), a few
 * effects above, Italian labels of one to three lines, laid out as the board's «Disponi» lays
 * it (dagre, client/kit/autoLayout.ts's settings, each card as tall as its text), and its
 * objective tree (every problem reworded, same places). On the pact board of pactBoard.ts.
 */
import dagre from '@dagrejs/dagre'
import type { BoardExport } from '../../shared/export/format.ts'
import { IMAGE_LABELS } from '../../shared/render/labels.ts'
import { drawCard } from '../../shared/render/model.ts'
import { pactBoard } from './pactBoard.ts'

const CORE = 'Pochi giovani NEET della valle trovano un lavoro stabile'
const CAUSES = [
  'Scarso orientamento',
  'Pochi corsi di formazione professionale',
  'Trasporto pubblico insufficiente',
  'Scarsa collaborazione tra scuole e imprese',
  'Informazioni frammentate sui servizi',
  'Competenze digitali deboli',
  'Bassa partecipazione ai tirocini',
  'Abbandono scolastico precoce',
  'Poche imprese disposte ad assumere giovani',
  'Tempi lunghi di presa in carico',
]
const EFFECTS = [
  'Emigrazione dei giovani verso Milano',
  'Aumento della povertà familiare',
  'Isolamento sociale',
  'Calo demografico nei piccoli comuni',
  'Lavoro irregolare',
  'Imprese senza personale qualificato',
]
const CONTEXTS = ['', 'nelle aree montane', 'per le famiglie straniere', 'dopo i 25 anni', '']

type Card = BoardExport['canvases']['problems']['nodes'][number]
type Link = BoardExport['canvases']['problems']['edges'][number]

/** Level sizes: `first` cards, then each card with 3, 2, 3, 2… children, until `total`. */
function levels(total: number, first: number): number[] {
  const sizes: number[] = []
  let left = total
  let next = first
  while (left > 0) {
    const n = Math.min(left, next)
    sizes.push(n)
    left -= n
    next = Math.ceil(n * 2.5)
  }
  return sizes
}

export function printTree(cards: number): BoardExport {
  const board = pactBoard(4)
  const effects = cards <= 5 ? 1 : Math.max(2, Math.round(cards * 0.15))
  const causes = cards - 1 - effects
  const nodes: Card[] = [{ id: 'core', kind: 'problem', role: 'core', label: CORE, x: 0, y: 0 }]
  const edges: Link[] = []
  let n = 0
  const grow = (role: 'cause' | 'effect', sizes: number[], pool: string[]) => {
    let parents = ['core']
    for (const size of sizes) {
      const ids: string[] = []
      for (let i = 0; i < size; i++) {
        const id = `${role}-${++n}`
        const words = `${pool[n % pool.length]} ${CONTEXTS[n % CONTEXTS.length]}`.trim()
        nodes.push({ id, kind: 'problem', role, label: `${words} (${n})`, x: 0, y: 0 })
        // children dealt over the parents in order, so each parent's are side by side
        const parent = parents[Math.floor((i * parents.length) / size)]!
        const [source, target] = role === 'cause' ? [id, parent] : [parent, id]
        edges.push({ id: `l-${id}`, kind: 'cause-effect', source, target })
        ids.push(id)
      }
      parents = ids
    }
  }
  grow('cause', levels(causes, Math.min(5, Math.max(1, Math.round(causes / 4)))), CAUSES)
  grow('effect', levels(effects, Math.min(4, effects)), EFFECTS)

  // «Disponi»: dagre, bottom to top, each card as wide and tall as the picture draws it
  const labels = IMAGE_LABELS.it
  const g = new dagre.graphlib.Graph()
  g.setGraph({ rankdir: 'BT', nodesep: 40, ranksep: 80, marginx: 0, marginy: 0 })
  g.setDefaultEdgeLabel(() => ({}))
  for (const c of nodes) {
    const width = c.role === 'core' ? 220 : 200
    const { box } = drawCard(c.id, 0, 0, {
      width,
      fill: '',
      stroke: '',
      strokeWidth: 2,
      head: labels.problemRoles[c.role as 'core'],
      headColor: '',
      label: c.label as string,
      emptyLabel: '',
      weight: c.role === 'core' ? 'bold' : 'normal',
    })
    g.setNode(c.id as string, { width, height: box.height })
  }
  for (const e of edges) g.setEdge(e.source as string, e.target as string)
  dagre.layout(g)
  for (const c of nodes) {
    const p = g.node(c.id as string) as { x: number; y: number; width: number; height: number }
    c.x = Math.round(p.x - p.width / 2)
    c.y = Math.round(p.y - p.height / 2)
  }

  board.canvases.problems = { nodes, edges }
  board.canvases.objectives = {
    nodes: nodes.map((p) => ({
      id: `o-${p.id}`,
      kind: 'objective',
      label:
        p.role === 'core' ? 'Più giovani NEET trovano un lavoro stabile' : `Migliorare: ${p.label}`,
      derivedFrom: p.id,
      status: 'reworded',
      x: p.x,
      y: p.y,
    })),
    edges: edges.map((e) => ({
      id: `o-${e.id}`,
      kind: 'means-end',
      source: `o-${e.source}`,
      target: `o-${e.target}`,
      derivedFrom: e.id,
    })),
  }
  return board
}
