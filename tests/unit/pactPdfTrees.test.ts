/**
 * The problem and objective trees in the pact document, at a workshop's sizes (printTree.ts:
 * laid out as the board's «Disponi» lays them). What a facilitator hands over: every card
 * whole on a page, its text at 7 pt or more, the tree cut between branches with the core
 * repeated, no page of tiles where cards run off the edge.
 */
import { describe, expect, it } from 'vitest'
import { getDocumentProxy } from 'unpdf'
import { buildPactPdf, SECTIONS } from '../../server/export/pactPdf.ts'
import { MARGIN } from '../../server/export/pdfLayout.ts'
import { printTree } from '../helpers/printTree.ts'

interface Item {
  str: string
  transform: number[]
  width: number
}
interface Page {
  n: number
  landscape: boolean
  /** Every text item, and whether it lies whole inside the page's margins. */
  items: (Item & { inside: boolean; size: number })[]
  /** The text inside the margins, whitespace folded. */
  visible: string
}

const fold = (s: string) => s.replace(/\s+/g, ' ').trim()

async function treePages(cards: number, change?: (board: ReturnType<typeof printTree>) => void) {
  const board = printTree(cards)
  change?.(board)
  const trees = SECTIONS.filter((s) => s.id === 'problems' || s.id === 'objectives')
  const doc = await getDocumentProxy(new Uint8Array(await buildPactPdf(board, { sections: trees })))
  const pages: Page[] = []
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n)
    const [, , w, h] = page.view as [number, number, number, number]
    const items = ((await page.getTextContent()).items as Item[])
      .filter((it) => it.str.trim())
      .map((it) => {
        const [, , c, d, x, y] = it.transform as [number, number, number, number, number, number]
        const inside =
          x >= MARGIN - 1 &&
          x + it.width <= w - MARGIN + 1 &&
          y >= MARGIN / 2 &&
          y <= h - MARGIN + 1
        return { ...it, inside, size: Math.hypot(c, d) }
      })
    pages.push({
      n,
      landscape: w > h,
      items,
      visible: fold(
        items
          .filter((it) => it.inside)
          .map((it) => it.str)
          .join(' '),
      ),
    })
  }
  return { board, pages }
}

/** The pages of a tree's section: from its title to the next section's (or the end). */
function sectionOf(pages: Page[], title: string) {
  const start = pages.findIndex((p) => p.visible.startsWith(title))
  const next = pages.findIndex(
    (p, i) =>
      i > start &&
      /^Albero (dei problemi|degli obiettivi)/.test(p.visible) &&
      !p.visible.includes('— parte'),
  )
  return pages.slice(start, next < 0 ? undefined : next)
}

/** The pages that draw the tree, not only words about it. */
const drawn = (pages: Page[]) => pages.filter((p) => p.items.some((it) => it.str === 'Legenda'))

describe('the trees in the pact document', () => {
  it('cuts a workshop’s 25-card problem tree between its branches: at most three sideways pages, the core problem whole on each', async () => {
    const { board, pages } = await treePages(25)
    const pieces = drawn(sectionOf(pages, 'Albero dei problemi'))
    // six sideways tiles, the core problem cut between two, before
    expect(pieces.length).toBeGreaterThanOrEqual(2)
    expect(pieces.length).toBeLessThanOrEqual(3)
    const core = board.canvases.problems.nodes.find((n) => n.role === 'core')!.label as string
    pieces.forEach((p, i) => {
      expect(p.landscape, `page ${p.n}`).toBe(true)
      expect(p.visible).toContain(`parte ${i + 1} di ${pieces.length}`)
      expect(p.visible, `the core problem whole on page ${p.n}`).toContain(core)
      // marked where it goes on, and where it was drawn before
      expect(p.visible).toContain(
        i === 0 ? 'PROBLEMA CENTRALE · CONTINUA' : 'PROBLEMA CENTRALE · SEGUE',
      )
      if (i > 0) expect(p.visible).toContain(`segue da pagina ${p.n - 1}`)
      if (i < pieces.length - 1) expect(p.visible).toContain(`continua a pagina ${p.n + 1}`)
    })
    // the guide before them says which branches are on which page
    const guide = pages.find((p) => p.visible.includes('è diviso in'))!
    expect(guide.visible).toContain('Parte 1: «')
    expect(guide.visible).toContain(`Parte ${pieces.length}: «`)
  }, 30_000)

  for (const cards of [25, 60, 120])
    it(`draws every card of a ${cards}-card tree whole on one page, its text at 7 pt or more, nothing cut at a page’s edge`, async () => {
      const { board, pages } = await treePages(cards)
      for (const [title, canvas] of [
        ['Albero dei problemi', 'problems'],
        ['Albero degli obiettivi', 'objectives'],
      ] as const) {
        const pieces = drawn(sectionOf(pages, title))
        expect(pieces.length, title).toBeGreaterThan(1)
        // no page of the tree draws text beyond its margins (a tile clipped a drawing of the
        // whole tree, cards cut at every edge)
        for (const p of pieces)
          expect(
            p.items.filter((it) => !it.inside).map((it) => it.str),
            `page ${p.n}`,
          ).toEqual([`Pagina ${p.n} di ${pages.length}`])
        const labels = board.canvases[canvas].nodes.map((n) => fold(n.label as string))
        for (const label of labels)
          expect(
            pieces.some((p) => p.visible.includes(label)),
            `«${label}» whole on a page`,
          ).toBe(true)
        // the cards' text (not the role line above it) at 7 pt or more
        const texts = pieces.flatMap((p) =>
          p.items.filter(
            (it) => it.str.length > 3 && labels.some((l) => l.includes(it.str.trim())),
          ),
        )
        expect(texts.length).toBeGreaterThan(labels.length)
        expect(Math.min(...texts.map((it) => it.size))).toBeGreaterThanOrEqual(6.99)
      }
    }, 60_000)

  it('cuts a tree without a core problem as legibly, between the branches of its most linked card', async () => {
    const { board, pages } = await treePages(60, (b) => {
      b.canvases.problems.nodes.find((n) => n.role === 'core')!.role = 'cause'
    })
    const pieces = drawn(sectionOf(pages, 'Albero dei problemi'))
    expect(pieces.length).toBeGreaterThan(1)
    expect(pieces.length).toBeLessThanOrEqual(12)
    for (const p of pieces) expect(p.items.filter((it) => !it.inside)).toHaveLength(1)
    for (const n of board.canvases.problems.nodes)
      expect(pieces.some((p) => p.visible.includes(fold(n.label as string)))).toBe(true)
  }, 30_000)

  it('draws a small tree whole, where the section starts, with no parts', async () => {
    const { board, pages } = await treePages(5)
    // the title page, then one page per tree
    expect(pages).toHaveLength(3)
    expect(pages.every((p) => !p.landscape)).toBe(true)
    expect(pages[1]!.visible).toMatch(/^Albero dei problemi Problema centrale:/)
    expect(pages[1]!.visible).not.toContain('parte')
    for (const n of board.canvases.problems.nodes)
      expect(pages[1]!.visible).toContain(fold(n.label as string))
  }, 30_000)
})
