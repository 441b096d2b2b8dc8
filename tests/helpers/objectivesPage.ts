import { expect } from 'vitest'
import type { Page } from 'playwright-core'
import type * as Y from 'yjs'
import { canvasRoots, putCard, putLink } from '../../shared/schema/index.ts'

/** A small problem tree written by a stock Yjs client, as another participant would. */
export function buildProblemTree(doc: Y.Doc) {
  doc.transact(() => {
    const problem = (id: string, label: string, role: string, x: number, y: number) =>
      putCard(doc, 'problems', id, { kind: 'problem', label, role, x, y })
    problem('core', 'Alta disoccupazione giovanile', 'core', 300, 300)
    problem('guid', 'Scarso orientamento al lavoro', 'cause', 120, 470)
    problem('serv', 'Servizi frammentati', 'cause', 480, 470)
    problem('excl', 'Esclusione sociale dei NEET', 'effect', 300, 130)
    putLink(doc, 'problems', 'l1', { kind: 'cause-effect', source: 'guid', target: 'core' })
    putLink(doc, 'problems', 'l2', { kind: 'cause-effect', source: 'serv', target: 'core' })
    putLink(doc, 'problems', 'l3', { kind: 'cause-effect', source: 'core', target: 'excl' })
  })
}

/** What a participant does in the Obiettivi phase. */
export function objectivesPage(page: Page) {
  const card = (text: string) => page.locator('.react-flow__node-objective', { hasText: text })
  return {
    page,
    card,
    cards: () => page.locator('.react-flow__node-objective'),
    status: (text: string) => card(text).locator('.status-chip').textContent(),
    async openPhase() {
      await page.locator('#tab-objectives').click()
      await page.locator('#objectives-tab-tree[aria-selected=true]').waitFor()
      await page.locator('.objective-canvas .react-flow__pane').waitFor()
    },
    async view(name: 'tree' | 'compare') {
      await page.locator(`#objectives-tab-${name}`).click()
      await page.locator(`#objectives-panel-${name}`).waitFor()
    },
    async generate() {
      await page.getByRole('button', { name: 'Genera albero degli obiettivi' }).click()
      await page.locator('[data-testid=merge-report]').waitFor()
      return page.locator('[data-testid=merge-report]').innerText()
    },
    async reword(from: string, to: string) {
      await card(from).dblclick()
      const editor = page.locator('.objective-canvas textarea.card-editor')
      await editor.waitFor()
      await editor.fill(to)
      await editor.press('Enter')
      await card(to).waitFor()
    },
    /** Adds an objective of the group's own with the canvas button. */
    async addObjective(text: string) {
      await page.getByRole('button', { name: 'Aggiungi obiettivo' }).click()
      const editor = page.locator('.objective-canvas textarea.card-editor')
      await editor.waitFor()
      await editor.fill(text)
      await editor.press('Enter')
    },
    /** Drags from the means' handle to the end's, in small steps as a hand would. */
    async linkMeansToEnd(means: string, end: string) {
      // the view may still glide to a card the arrows brought clear of the toolbar: the
      // handles are read where they stop
      await expect
        .poll(() =>
          page.locator('.objective-canvas .react-flow__viewport').evaluate(
            (el) =>
              new Promise<boolean>((resolve) => {
                const before = getComputedStyle(el).transform
                requestAnimationFrame(() =>
                  requestAnimationFrame(() => resolve(getComputedStyle(el).transform === before)),
                )
              }),
          ),
        )
        .toBe(true)
      const from = (await card(means).locator('.react-flow__handle.source').boundingBox())!
      const to = (await card(end).locator('.react-flow__handle.target').boundingBox())!
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
      await page.mouse.down()
      for (let i = 1; i <= 10; i++)
        await page.mouse.move(
          from.x + ((to.x - from.x) * i) / 10 + to.width / 2,
          from.y + ((to.y - from.y) * i) / 10 + to.height / 2,
        )
      await page.mouse.up()
    },
  }
}

/** A tree crammed into one corner, as after a few rewordings and regenerations. */
export const CROWDED = {
  problems: [
    ['core', 'Alta disoccupazione giovanile', 'core'],
    ['guid', 'Scarso orientamento al lavoro', 'cause'],
    ['serv', 'Servizi frammentati', 'cause'],
    ['skills', 'Competenze non adeguate', 'cause'],
    ['excl', 'Esclusione sociale dei NEET', 'effect'],
    ['pov', 'Povertà delle famiglie', 'effect'],
  ] as [string, string, string][],
  /** problem id → the objective's text ('' = still the problem's text, to reword) */
  objectives: {
    core: 'Più giovani trovano un lavoro stabile',
    guid: 'Orientamento al lavoro efficace e diffuso nelle scuole',
    serv: '',
    skills: 'Competenze allineate alla domanda delle imprese',
    excl: 'Maggiore inclusione sociale dei NEET',
    pov: '',
  } as Record<string, string>,
  /** means → end */
  links: [
    ['guid', 'core'],
    ['serv', 'core'],
    ['skills', 'guid'],
    ['core', 'excl'],
    ['core', 'pov'],
  ] as [string, string][],
}

export function buildCrowdedTree(doc: Y.Doc) {
  doc.transact(() => {
    CROWDED.problems.forEach(([id, label, role], i) => {
      putCard(doc, 'problems', id, { kind: 'problem', label, role, x: i * 240, y: 0 })
      const reworded = CROWDED.objectives[id]
      putCard(doc, 'objectives', `obj:${id}`, {
        kind: 'objective',
        label: reworded || label,
        x: 100 + i * 40,
        y: 100 + i * 30,
        derivedFrom: id,
        status: reworded ? 'reworded' : 'to-reword',
      })
    })
    for (const [means, end] of CROWDED.links)
      putLink(doc, 'objectives', `me:${means}-${end}`, {
        kind: 'means-end',
        source: `obj:${means}`,
        target: `obj:${end}`,
        derivedFrom: null,
        checked: true,
      })
  })
}

export interface Box {
  id: string
  x: number
  y: number
  w: number
  h: number
}
/** The objective cards as drawn on screen. */
export const cardBoxes = (page: Page): Promise<Box[]> =>
  page.locator('.react-flow__node-objective').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect()
      return { id: el.getAttribute('data-id')!, x: r.x, y: r.y, w: r.width, h: r.height }
    }),
  )
export const overlapping = (boxes: Box[]) =>
  boxes.flatMap((a, i) =>
    boxes
      .slice(i + 1)
      .filter((b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h)
      .map((b) => `${a.id}/${b.id}`),
  )
/** Every means sits wholly below its end. */
export const meansBelowEnds = (boxes: Box[]) => {
  const by = new Map(boxes.map((b) => [b.id, b]))
  return CROWDED.links.every(([means, end]) => {
    const m = by.get(`obj:${means}`)
    const e = by.get(`obj:${end}`)
    return m !== undefined && e !== undefined && m.y >= e.y + e.h
  })
}
/** Every card lies inside the visible canvas. */
export const allInView = (page: Page) =>
  page.evaluate(() => {
    const pane = document.querySelector('.objective-canvas .react-flow')!.getBoundingClientRect()
    return [...document.querySelectorAll('.react-flow__node-objective')].every((el) => {
      const r = el.getBoundingClientRect()
      return (
        r.left >= pane.left - 1 &&
        r.right <= pane.right + 1 &&
        r.top >= pane.top - 1 &&
        r.bottom <= pane.bottom + 1
      )
    })
  })
export const docPositions = (doc: Y.Doc) => {
  const out: Record<string, string> = {}
  canvasRoots(doc, 'objectives').nodes.forEach((n, id) => (out[id] = `${n.get('x')},${n.get('y')}`))
  return out
}

export type Exported = {
  canvases: {
    objectives: {
      nodes: { id: string; label: string; derivedFrom: string | null; status: string }[]
      edges: { id: string; source: string; target: string; checked?: boolean }[]
    }
  }
}
