import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { exportBoard } from '../../shared/export/index.ts'
import { mergeObjectiveTree } from '../../shared/method/objectiveTree.ts'
import { putCard } from '../../shared/schema/index.ts'
import { buildWorkshopTree, WORKSHOP_LABELS } from '../helpers/workshopTree.ts'
import { IMAGE_LABELS } from '../../shared/render/labels.ts'
import { str, type RenderSource } from '../../shared/render/model.ts'
import { drawObjectives, drawProblems, type DrawnCanvas } from '../../shared/render/trees.ts'
import { renderCanvas } from '../../shared/render/index.ts'
import { drawGrid } from '../../shared/render/stakeholders.ts'
import { textWidth } from '../../shared/render/fontMetrics.ts'
import { GRID, QUADRANTS, quadrantRect } from '../../shared/stakeholders/grid.ts'
import { RELATION_LOOK } from '../../shared/stakeholders/look.ts'
import { RELATION_KINDS, type ActorCategory } from '../../shared/schema/vocabulary.ts'
import { newActorFields } from '../../shared/stakeholders/actors.ts'

/** A board with only what a test draws: the other canvases are empty. */
function source(canvases: Partial<RenderSource['canvases']>): RenderSource {
  const empty = { nodes: [], edges: [] }
  return {
    title: 'Patto Valle Seriana',
    exportedAt: '2026-12-02T09:30:00.000Z',
    canvases: { problems: empty, objectives: empty, stakeholders: empty, ...canvases },
  }
}

/** The lines of each <text> of an SVG fragment, in order. */
const texts = (svg: string) =>
  [...svg.matchAll(/<text [^>]*>(.*?)<\/text>/g)].map((m) =>
    [...m[1]!.matchAll(/<tspan[^>]*>(.*?)<\/tspan>/g)].map((t) => t[1]),
  )

type Rect = { x: number; y: number; width: number; height: number }
const apart = (a: Rect, b: Rect) =>
  a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y

/** The box of the one-line <text> of an SVG fragment that reads `line`, from its attributes. */
function textBox(svg: string, line: string): Rect & { size: number } {
  const text = [...svg.matchAll(/<text ([^>]*)>(.*?)<\/text>/g)].find(
    (m) => m[2]!.replace(/<[^>]+>/g, '') === line,
  )
  expect(text, line).toBeDefined()
  const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(text![1]!)?.[1]
  const size = Number(attr('font-size'))
  const width = textWidth(line, size, attr('font-weight') === 'bold' ? 'bold' : 'normal')
  const x = Number(attr('x'))
  return {
    x: attr('text-anchor') === 'end' ? x - width : x,
    y: Number(attr('y')),
    width,
    height: size * 1.2,
    size,
  }
}

describe('the exported pictures stay legible', () => {
  it('keeps «OBIETTIVO CENTRALE» on one line, its status chip below it when both do not fit', () => {
    const board = source({
      problems: {
        nodes: [{ id: 'core', kind: 'problem', role: 'core', label: 'Disoccupazione', x: 0, y: 0 }],
        edges: [],
      },
      objectives: {
        nodes: ['to-reword', 'reworded', 'added'].map((status, i) => ({
          id: `obj-${status}`,
          kind: 'objective',
          derivedFrom: 'core',
          status,
          label: 'Più giovani occupati in valle',
          x: i * 300,
          y: 0,
        })),
        edges: [],
      },
    })
    for (const card of drawObjectives(board, IMAGE_LABELS.it).cards) {
      expect(texts(card.svg)[0]).toEqual(['OBIETTIVO CENTRALE'])
      // the chip (the second rectangle) is wholly below the role's line or wholly beside it
      const [, chip] = [...card.svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)"/g)]
      const roleY = Number(/<text x="[\d.]+" y="([\d.]+)"/.exec(card.svg)![1])
      const chipY = Number(chip![2])
      expect(chipY === roleY - 1 || chipY >= roleY + 11 * 1.3).toBe(true)
    }
  })

  it('draws the legend’s information line in dots as big as the page’s legend', () => {
    const actor = (id: string) => ({ id, ...newActorFields('public', { label: id }), x: 0, y: 0 })
    const board = source({
      stakeholders: {
        nodes: [actor('a'), actor('b')],
        edges: [{ id: 'r', kind: 'information', source: 'a', target: 'b' }],
      },
    })
    const { svg } = renderCanvas(board, 'map')
    // the legend's samples are the lines after the rule above the legend, in kind order
    const legend = svg.slice(svg.lastIndexOf('stroke="#d0d3d8"'))
    const info = [...legend.matchAll(/<line [^>]*stroke="#2f5fa8"[^>]*\/>/g)].map((m) => m[0])
    expect(info).toHaveLength(1)
    expect(info[0]).toContain('stroke-linecap="round"')
    expect(Number(/stroke-width="([\d.]+)"/.exec(info[0]!)![1])).toBeGreaterThanOrEqual(5)
  })

  it('draws the legend’s samples of the relations with a direction with the map’s arrowhead', () => {
    const actor = (id: string) => ({ id, ...newActorFields('public', { label: id }), x: 0, y: 0 })
    const board = source({
      stakeholders: {
        nodes: [actor('a'), actor('b')],
        edges: [{ id: 'r', kind: 'funding', source: 'a', target: 'b' }],
      },
    })
    const { svg } = renderCanvas(board, 'map')
    const legend = svg.slice(svg.lastIndexOf('stroke="#d0d3d8"'))
    for (const kind of RELATION_KINDS) {
      const { color, directed } = RELATION_LOOK[kind]
      // each sample: its line, then its head when it has one, before the next sample's line
      const sample = new RegExp(`<line [^>]*stroke="${color}"[^>]*/>(<path [^>]*/>)?`).exec(legend)
      expect(sample, kind).not.toBeNull()
      const head = sample![1]
      if (!directed) {
        expect(head, kind).toBeUndefined()
        continue
      }
      expect(head, `${kind}: its head`).toBeDefined()
      expect(head).toContain(`fill="${color}"`)
      // a triangle as long and wide as the map's markers (12 px), its tip at the line's end
      const points = [...head!.matchAll(/([\d.]+),([\d.]+)/g)].map((m) => [+m[1]!, +m[2]!])
      const xs = points.map((p) => p[0]!)
      const ys = points.map((p) => p[1]!)
      expect(Math.max(...xs) - Math.min(...xs)).toBe(12)
      expect(Math.max(...ys) - Math.min(...ys)).toBe(12)
      const x2 = Number(/x2="([\d.]+)"/.exec(sample![0])![1])
      expect(x2).toBeLessThan(Math.max(...xs))
      expect(x2).toBeGreaterThan(Math.min(...xs))
    }
  })

  it('draws no actor card over a quadrant’s title in the grid’s picture', () => {
    const corners: [string, ActorCategory, number, number][] = [
      ['Comune di Bergamo', 'public', 1, 0],
      ['Regione Lombardia', 'public', 1, 1],
      ['Associazione genitori', 'community', 0, 0],
      ['Cooperativa Il Ponte', 'third-sector', 0, 1],
      ['Confindustria Bergamo', 'economic', 0.92, 0.3],
      ['Ufficio di Piano dell’Ambito territoriale di Seriate e dei Comuni', 'public', 0.02, 0.8],
    ]
    const board = source({
      stakeholders: {
        nodes: corners.map(([label, category, power, interest], i) => ({
          id: `a${i}`,
          ...newActorFields(category, { label, power, interest }),
          x: 0,
          y: 0,
        })),
        edges: [],
      },
    })
    const labels = IMAGE_LABELS.it
    const drawn = drawGrid(board, labels)
    const titles = QUADRANTS.flatMap((q) => [
      textBox(drawn.under, labels.quadrants[q]),
      textBox(drawn.under, labels.quadrantHints[q]),
    ])
    for (const card of drawn.cards) for (const t of titles) expect(apart(card.box, t)).toBe(true)
  })

  it('sets the quadrants’ strategies as large as the page does, each with its hint, in the band no card covers', () => {
    for (const lang of ['it', 'en'] as const) {
      const labels = IMAGE_LABELS[lang]
      const { under } = drawGrid(source({}), labels)
      for (const q of QUADRANTS) {
        // the page's sizes (canvases.css): 30-px titles (they were 18), 16-px hints (none)
        const title = textBox(under, labels.quadrants[q])
        expect(title.size).toBeGreaterThanOrEqual(30)
        const hint = textBox(under, labels.quadrantHints[q])
        expect(hint.size).toBeGreaterThanOrEqual(16)
        // the hint under its title, both inside the quadrant's band along its outer edge
        const r = quadrantRect(q)
        const band = { ...r, ...(r.y > 0 ? { y: r.y + r.height - GRID.titleBand } : {}) }
        band.height = GRID.titleBand
        expect(hint.y).toBeGreaterThanOrEqual(title.y + title.height)
        for (const t of [title, hint]) {
          expect(t.x).toBeGreaterThanOrEqual(band.x)
          expect(t.x + t.width).toBeLessThanOrEqual(band.x + band.width)
          expect(t.y).toBeGreaterThanOrEqual(band.y)
          expect(t.y + t.height).toBeLessThanOrEqual(band.y + band.height)
        }
      }
    }
  })

  it('keeps every word of a long problem card and moves the causes below clear of it', () => {
    const long =
      'Servizi per il lavoro frammentati tra enti che non si parlano, con sportelli aperti solo in orari d’ufficio, comunicazione su canali che i giovani non usano e nessuna banca dati condivisa tra Centro per l’impiego e Comuni'
    const card = (id: string, label: string, x: number, y: number) => ({
      id,
      kind: 'problem',
      role: 'cause',
      label,
      x,
      y,
    })
    const board = source({
      problems: {
        nodes: [
          card('long', long, 0, 0),
          // one layer pitch lower, as «Aggiungi causa» places it, and its own cause below it
          card('below', 'Scarso orientamento', 0, 150),
          card('further', 'Poche ore di tutoraggio', 20, 300),
          // beside the long card: not covered, moved with its row
          card('beside', 'Trasporti scarsi', 260, 150),
        ],
        edges: [],
      },
    })
    const drawn = drawProblems(board, IMAGE_LABELS.it).cards
    const at = (id: string) => drawn.find((c) => c.id === id)!
    const words = texts(at('long').svg).slice(1).flat().join(' ').replace(/\s+/g, ' ')
    expect(words).toBe(long)
    const bottom = (id: string) => at(id).box.y + at(id).box.height
    expect(bottom('long')).toBeGreaterThan(150)
    expect(at('below').box.y).toBeGreaterThanOrEqual(bottom('long'))
    expect(at('further').box.y).toBeGreaterThanOrEqual(bottom('below'))
    // beside it: covers nothing, but goes down with its row, as the tree's layers stay level
    expect(at('beside').box.y).toBe(at('below').box.y)
    expect(at('long').box.y).toBe(0)
  })

  it('keeps every word of a long objective and moves the means below clear of it', () => {
    const long =
      'Servizi per il lavoro coordinati tra Centro per l’impiego, Comuni e scuole, con sportelli aperti anche la sera e il sabato, un’unica banca dati delle offerte condivisa tra gli enti, avvisi sui canali che i giovani usano davvero e un referente per ogni paese della valle che segua chi cerca lavoro fino al primo contratto'
    const objective = (id: string, label: string, x: number, y: number) => ({
      id,
      kind: 'objective',
      status: 'added',
      label,
      x,
      y,
    })
    const board = source({
      objectives: {
        nodes: [
          objective('long', long, 0, 0),
          // one objective row (225) lower, as the generation places a means, and its own means
          objective('below', 'Orientamento scolastico efficace', 0, 225),
          objective('further', 'Più ore di tutoraggio', 20, 450),
          // beside the long card: not covered, moved with its row
          objective('beside', 'Trasporti frequenti', 260, 225),
        ],
        edges: [],
      },
    })
    const drawn = drawObjectives(board, IMAGE_LABELS.it).cards
    const at = (id: string) => drawn.find((c) => c.id === id)!
    // the role line is empty (no problem), the chip's word comes next, then the text
    const words = texts(at('long').svg).slice(2).flat().join(' ').replace(/\s+/g, ' ')
    expect(words).toBe(long)
    const bottom = (id: string) => at(id).box.y + at(id).box.height
    expect(bottom('long')).toBeGreaterThan(225)
    expect(at('below').box.y).toBeGreaterThanOrEqual(bottom('long'))
    expect(at('further').box.y).toBeGreaterThanOrEqual(bottom('below'))
    expect(at('beside').box.y).toBe(at('below').box.y)
    expect(at('long').box.y).toBe(0)
  })

  it('draws no link across a card it does not join when a long card pushes its row down', () => {
    const board = grownWorkshop()
    const trees = [
      { drawn: drawProblems(board, IMAGE_LABELS.it), section: board.canvases.problems },
      { drawn: drawObjectives(board, IMAGE_LABELS.it), section: board.canvases.objectives },
    ]
    for (const { drawn, section } of trees) {
      // the long card reaches past where the board has the row below it (its means, its causes)
      const core = drawn.cards.find((c) => c.id.endsWith('core'))!
      const rowBelow = Math.min(...section.nodes.map((n) => Number(n.y)).filter((y) => y > 0))
      expect(core.box.y + core.box.height).toBeGreaterThan(rowBelow)
      expectLinksClear(drawn)
    }
  })

  it('keeps a cause put above its row by hand under the long problem it leads to', () => {
    // 45 px above the other causes, beside the central problem (not in its column)
    const board = grownWorkshop((doc) =>
      putCard(doc, 'problems', 'c1', {
        kind: 'problem',
        role: 'cause',
        label: WORKSHOP_LABELS.c1!,
        x: -600,
        y: 185,
      }),
    )
    const trees = [
      { drawn: drawProblems(board, IMAGE_LABELS.it), section: board.canvases.problems },
      { drawn: drawObjectives(board, IMAGE_LABELS.it), section: board.canvases.objectives },
    ]
    for (const { drawn, section } of trees) {
      const at = (id: string) => drawn.cards.find((c) => c.id.endsWith(id))!.box
      const boardY = (id: string) => Number(section.nodes.find((n) => str(n.id).endsWith(id))!.y)
      expect(at('c1').y).toBeGreaterThan(at('core').y + at('core').height)
      // the other causes go down as far: still as much lower than it as on the board
      expect(at('c2').y - at('c1').y).toBeCloseTo(boardY('c2') - boardY('c1'))
      expectLinksClear(drawn)
    }
  })
})

/** The workshop's tree (`change` made first), its central problem and objective grown long. */
function grownWorkshop(change?: (doc: Y.Doc) => void): RenderSource {
  const doc = new Y.Doc()
  buildWorkshopTree(doc)
  change?.(doc)
  mergeObjectiveTree(doc)
  const exported = exportBoard(doc, '2026-12-02T09:30:00.000Z')
  const grown = (section: RenderSource['canvases']['problems'], id: string, label: string) => ({
    ...section,
    nodes: section.nodes.map((n) => (n.id === id ? { ...n, label } : n)),
  })
  const problem =
    'Alta disoccupazione e inattività dei giovani 18–29 anni in Val Seriana, soprattutto nei comuni dell’alta valle, tra chi ha lasciato la scuola presto e tra le ragazze con figli piccoli, che non trovano né lavoro né servizi di cura, e tra chi vive lontano dalle linee del trasporto pubblico'
  const objective =
    'Più giovani della Val Seriana occupati o in formazione, soprattutto nei comuni dell’alta valle e tra le ragazze con figli piccoli, grazie a servizi per il lavoro coordinati, orientamento precoce e trasporti che arrivano alle zone industriali, con un referente per ogni paese della valle che segua chi cerca lavoro fino al primo contratto e oltre, insieme alle famiglie, alle scuole e alle imprese del territorio'
  return source({
    problems: grown(exported.canvases.problems, 'core', problem),
    objectives: grown(exported.canvases.objectives, 'obj:core', objective),
  })
}

/**
 * Each of the tree's 24 links goes up from its cause (means) into the bottom of its effect
 * (end) and over no other card (no point of it inside another card's box less 4 px).
 */
function expectLinksClear(drawn: DrawnCanvas) {
  const links = linkCurves(drawn.under)
  expect(links).toHaveLength(24)
  for (const points of links) {
    const [start, end] = [points[0]!, points.at(-1)!]
    const ends = [start, end].map((p) => cardAt(drawn.cards, p, 1))
    const link = `${ends[0]} → ${ends[1]}`
    expect(start[1], link).toBeGreaterThan(end[1])
    const across = drawn.cards.filter(
      (c) => !ends.includes(c.id) && points.some((p) => cardAt([c], p, -4)),
    )
    expect(
      across.map((c) => c.id),
      link,
    ).toEqual([])
  }
}

/** Points along each link of a tree's picture (`M x,y C x1,y1 x2,y2 x,y`), a hundred each. */
function linkCurves(under: string): [number, number][][] {
  return [...under.matchAll(/<path d="([^"]+)"/g)].map((m) => {
    const [x0, y0, x1, y1, x2, y2, x3, y3] = [...m[1]!.matchAll(/-?[\d.]+/g)].map((n) => +n[0])
    return Array.from({ length: 101 }, (_, i): [number, number] => {
      const t = i / 100
      const u = 1 - t
      const at = (a: number, b: number, c: number, d: number) =>
        u * u * u * a + 3 * u * u * t * b + 3 * u * t * t * c + t * t * t * d
      return [at(x0!, x1!, x2!, x3!), at(y0!, y1!, y2!, y3!)]
    })
  })
}

/** The card whose box, grown by `margin` (shrunk when negative), holds the point. */
function cardAt(cards: { id: string; box: Rect }[], [x, y]: [number, number], margin: number) {
  return cards.find(
    ({ box: b }) =>
      x > b.x - margin &&
      x < b.x + b.width + margin &&
      y > b.y - margin &&
      y < b.y + b.height + margin,
  )?.id
}
