import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import type * as Y from 'yjs'
import { canvasRoots, putCard, putRecord } from '../../shared/schema/index.ts'
import type { ActorCategory } from '../../shared/schema/index.ts'
import { newActorFields } from '../../shared/stakeholders/actors.ts'
import { readActors } from '../../shared/stakeholders/doc.ts'
import { CLIENT_DIST, closeParticipants, launchBrowser, newParticipant } from './browser.ts'
import { connectSynced, type Client } from './clients.ts'
import { createBoard, startServer } from './server.ts'

type Board = Awaited<ReturnType<typeof createBoard>>
type Box = { left: number; right: number; top: number; bottom: number }

export const fixture = (name: string) => join(import.meta.dirname, '..', 'fixtures', name)

/** A CSV file written to a fresh temporary folder, as a participant's edited export. */
export function tempCsv(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'trama-')), name)
  writeFileSync(path, text)
  return path
}

export const actorByName = (doc: Y.Doc, name: string) =>
  readActors(doc).find((a) => a.label === name)

/** True when the two boxes do not overlap (touching edges are fine). */
export const disjoint = (a: Box, b: Box) =>
  a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top

/** Counts the writes of one field of one actor, as seen by a stock client. */
export function countWrites(doc: Y.Doc, actorId: string, field: string): () => number {
  let writes = 0
  canvasRoots(doc, 'stakeholders').nodes.observeDeep((events) => {
    for (const e of events)
      if (e.path[0] === actorId && (e as Y.YMapEvent<unknown>).keysChanged.has(field)) writes++
  })
  return () => writes
}

/** One actor per category: name, category, power, interest. */
export const FOUR_ACTORS: [string, ActorCategory, number, number][] = [
  ['Comune di Bergamo', 'public', 0.9, 0.8],
  ['Cooperativa Il Ponte', 'third-sector', 0.35, 0.85],
  ['Confindustria Bergamo', 'economic', 0.8, 0.25],
  ['Associazione genitori', 'community', 0.2, 0.3],
]

/** The four actors written by a stock client (the map places them in columns). */
export function seedActors(doc: Y.Doc) {
  doc.transact(() =>
    FOUR_ACTORS.forEach(([label, category, power, interest], i) =>
      putCard(doc, 'stakeholders', `actor-${i}`, {
        ...newActorFields(category, { label, power, interest }),
        x: i * 280,
        y: (i % 2) * 180,
      }),
    ),
  )
}

/** A relation written by a stock client, as another participant's map would. */
export function putRelation(doc: Y.Doc, id: string, fields: Record<string, string>) {
  doc.transact(() => putRecord(doc, 'stakeholders.edges', id, fields))
}

/** An objective of the objective tree, written by a stock client. */
function putObjective(doc: Y.Doc, id: string, label: string, status: string, y: number) {
  putCard(doc, 'objectives', id, { kind: 'objective', label, status, derivedFrom: null, x: 0, y })
}

/** Four objectives, one in each status: obj-1 reworded … obj-4 to reword (obj-3 discarded). */
export function seedObjectives(doc: Y.Doc) {
  doc.transact(() => {
    putObjective(doc, 'obj-1', 'Più tirocini per i NEET', 'reworded', 0)
    putObjective(doc, 'obj-2', 'Rete dei servizi integrata', 'added', 100)
    putObjective(doc, 'obj-3', 'Obiettivo scartato', 'discarded', 200)
    putObjective(doc, 'obj-4', 'Orientamento nelle scuole superiori', 'to-reword', 300)
  })
}

/** Twelve more objectives (obj-5 … obj-16), added by the group, with long labels. */
export function seedLongObjectives(doc: Y.Doc) {
  doc.transact(() => {
    for (let i = 5; i <= 16; i++)
      putObjective(
        doc,
        `obj-${i}`,
        `Obiettivo ${i}: rafforzare la rete territoriale dei servizi per l’inclusione lavorativa`,
        'added',
        i * 100,
      )
  })
}

/**
 * One server and one browser for the whole file; each test makes its boards, stock clients and
 * participants through it, and they are closed after the test (participants) or the file.
 */
export function stakeholdersWorkshop() {
  let server: Awaited<ReturnType<typeof startServer>>
  let browser: Browser
  const clients: Client[] = []
  beforeAll(async () => {
    server = await startServer({ staticDir: CLIENT_DIST })
    browser = await launchBrowser()
  })
  afterEach(closeParticipants)
  afterAll(async () => {
    for (const c of clients) c.destroy()
    await browser?.close()
    await server?.close()
  })
  const workshop = {
    createBoard: (title: string) => createBoard(server.url, title),
    /** A stock Yjs client on the board, as another participant's device. */
    async stock(board: Board): Promise<Client> {
      const client = await connectSynced(server.url, board.id, board.keys.participant)
      clients.push(client)
      return client
    },
    /** A stock client that has written the four actors of {@link seedActors}. */
    async stockWithActors(board: Board): Promise<Client> {
      const client = await workshop.stock(board)
      seedActors(client.doc)
      return client
    },
    async participant(name: string) {
      return stakeholderPage((await newParticipant(browser, name)).page)
    },
    /** Alice (facilitator) and Bruno (participant) on the Stakeholder phase of a new board. */
    async twoParticipants(title: string) {
      const board = await workshop.createBoard(title)
      const alice = await workshop.participant('Alice')
      const bruno = await workshop.participant('Bruno')
      await alice.open(board.links.facilitator)
      await bruno.open(board.links.participant)
      return { board, alice, bruno }
    },
  }
  return workshop
}

/** What a participant does in the Stakeholder phase, in the words of the test. */
export function stakeholderPage(page: Page) {
  const node = (name: string) =>
    page.locator('.react-flow__node').filter({ has: page.getByText(name, { exact: true }) })
  const card = (name: string) => node(name).locator('.actor-card')
  const self = {
    page,
    node,
    card,
    quadrant: (name: string) => card(name).getAttribute('data-quadrant'),
    registerRows: () => page.locator('.register-table tbody tr'),
    registerRow: (name: string) => page.locator(`tr[data-label="${name}"]`),
    registerCell: (name: string, field: string) =>
      page.locator(`tr[data-label="${name}"] input[data-field=${field}]`),
    coverageHead: (objective: string) =>
      page.locator(`.coverage-table th[data-objective=${objective}]`),
    editorLabel: () => page.locator('[data-testid=actor-editor] input[data-field=label]'),
    async open(link: string) {
      await page.goto(link)
      await page.locator('[data-testid=connection][data-state=ok]').waitFor({ timeout: 15_000 })
      await page.locator('#tab-stakeholders').click()
      await page.locator('.sh-phase').waitFor()
    },
    async view(view: 'grid' | 'map' | 'register' | 'coverage') {
      await page.locator(`.view-switch button[data-view=${view}]`).click()
      await page.locator(`.sh-phase[data-view=${view}]`).waitFor()
    },
    async addActor(category: ActorCategory, name: string) {
      await page.locator(`.add-actor[data-category=${category}]`).click()
      const field = page.locator('[data-testid=actor-editor] input[data-field=label]')
      await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true)
      await field.fill(name)
      await field.press('Enter')
      await node(name).waitFor()
    },
    /** Presses on the locator and moves to `to`, without releasing the mouse. */
    async dragTo(locator: Locator, to: { x: number; y: number }) {
      const from = await self.centerOf(locator)
      await page.mouse.move(from.x, from.y)
      await page.mouse.down()
      for (let i = 1; i <= 12; i++)
        await page.mouse.move(
          from.x + ((to.x - from.x) * i) / 12,
          from.y + ((to.y - from.y) * i) / 12,
        )
    },
    /** On the grid: drags an actor's card into a quadrant, without releasing the mouse. */
    async dragIntoQuadrant(name: string, quadrant: string) {
      const target = await self.centerOf(page.locator(`.grid-quadrant[data-quadrant=${quadrant}]`))
      await self.dragTo(card(name), target)
    },
    async centerOf(locator: Locator) {
      const box = (await locator.boundingBox())!
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
    },
    /** On the map: drags from one actor's link handle onto another actor and lets go. */
    async drawRelation(from: string, to: string) {
      await self.dragTo(node(from).locator('.actor-link-handle'), await self.centerOf(node(to)))
      await page.mouse.up()
    },
    /** Draws a relation between two actors and picks its kind in the chooser. */
    async linkActors(from: string, to: string, kind: string) {
      await self.drawRelation(from, to)
      const chooser = page.locator('.relation-chooser')
      await chooser.waitFor()
      await chooser.locator(`button[data-kind=${kind}]`).click()
    },
    /** Where each actor card is drawn. */
    cardBoxes: () =>
      page
        .locator('.actor-card')
        .evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect().toJSON() as DOMRect)),
    /** The names in the open actor editors. */
    editorLabels: () =>
      page
        .locator('[data-testid=actor-editor] input[data-field=label]')
        .evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value)),
    /** Whether a card's name is cut, and on how many lines it wraps. */
    nameWrapping: (name: string) =>
      card(name)
        .locator('.actor-name')
        .evaluate((el) => ({
          cut: el.scrollHeight > el.clientHeight + 1,
          lines: Math.round(el.clientHeight / parseFloat(getComputedStyle(el).lineHeight)),
        })),
    /** Each relation label on the map: its kind, box, and whether it is visible and whole. */
    relationLabels: () =>
      page.locator('.relation-label').evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect()
          const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
          return {
            kind: el.getAttribute('data-kind'),
            box: r.toJSON() as DOMRect,
            // nothing covers the label, and its text is whole
            onTop: !!top && el.contains(top),
            whole: el.scrollWidth <= el.clientWidth + 1,
          }
        }),
      ),
    /** The actors' names in the register, in the order shown. */
    registerOrder: () =>
      self.registerRows().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-label'))),
    /** How the register's header lines up with its first row, and where the name column is. */
    registerColumns: () =>
      page.locator('.register-table').evaluate((table) => {
        const heads = [...table.querySelectorAll('thead th')].map((th) =>
          th.getBoundingClientRect(),
        )
        const cells = [...table.querySelector('tbody tr')!.children].map((td) =>
          td.getBoundingClientRect(),
        )
        const scroller = table.closest('.register-scroll')!.getBoundingClientRect()
        return {
          misaligned: heads.filter(
            (h, i) =>
              Math.abs(h.left - cells[i]!.left) > 1 || Math.abs(h.width - cells[i]!.width) > 1,
          ).length,
          count: [heads.length, cells.length],
          nameAt: heads[0]!.left - scroller.left,
        }
      }),
    async exportCsv() {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-testid=csv-export]').click(),
      ])
      return download
    },
    /** Imports a CSV file: a path, or the name of a file in tests/fixtures. */
    async importCsv(name: string) {
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.locator('[data-testid=csv-import]').click(),
      ])
      await chooser.setFiles(name.includes('/') ? name : fixture(name))
    },
    async scrollCoverage(left: number, top: number) {
      await page.locator('.coverage-scroll').evaluate(
        (el, [x, y]) => {
          el.scrollLeft = x!
          el.scrollTop = y!
        },
        [left, top],
      )
    },
    /** The problems listed by the import review, as "row:column". */
    importIssues: () =>
      page
        .locator('.csv-review tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => `${tr.getAttribute('data-row')}:${tr.getAttribute('data-column')}`),
        ),
    /** Whether the phase's bar (views, «+ Aggiungi attore», its tools) takes a single row. */
    barInOneRow: () =>
      page.locator('.sh-bar').evaluate((bar) => {
        const middles = [...bar.querySelectorAll('button, label, .add-label')].flatMap((el) => {
          const r = el.getBoundingClientRect()
          return r.height ? [Math.round(r.top + r.height / 2)] : []
        })
        return middles.length > 0 && Math.max(...middles) - Math.min(...middles) < 20
      }),
    /** The bar's controls whose text or icon does not fit in their box (a name each). */
    barClipped: () =>
      page
        .locator('.sh-bar')
        .evaluate((bar) =>
          [bar, ...bar.querySelectorAll('button, label, .add-label, .view-switch')].flatMap((el) =>
            el.getBoundingClientRect().height && el.scrollWidth > el.clientWidth
              ? [el.getAttribute('aria-label') ?? el.className]
              : [],
          ),
        ),
    /** How many rows the legend under the canvas takes (its items' distinct tops). */
    legendRows: () =>
      page.getByTestId('legend').evaluate((legend) => {
        const middles = [...legend.querySelectorAll('li, label')]
          .map((el) => {
            const r = el.getBoundingClientRect()
            return r.top + r.height / 2
          })
          .sort((a, b) => a - b)
        return middles.filter((m, i) => i === 0 || m - middles[i - 1]! > 10).length
      }),
    /**
     * What the legend shows of each item (a category, a stance, a relation, the arrows' toggle):
     * the text in sight, without what only a screen reader reads; '' for an icon alone.
     */
    legendShown: () =>
      page.getByTestId('legend').evaluate((legend) =>
        [...legend.querySelectorAll('li, label')].map((item) => {
          const walker = document.createTreeWalker(item, NodeFilter.SHOW_TEXT)
          let shown = ''
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            // drawn (not display: none), and not in a box clipped to a pixel (visually hidden)
            let el = n.parentElement
            let seen = el!.getClientRects().length > 0
            for (; seen && el && el !== item; el = el.parentElement)
              seen = el.getBoundingClientRect().width > 1
            if (seen) shown += n.textContent
          }
          return shown.trim()
        }),
      ),
    /** Where the coverage matrix sits and how its sticky row and column stay in place. */
    coverageLayout: () =>
      page.evaluate(() => {
        const scroller = document.querySelector('.coverage-scroll')!
        const box = scroller.getBoundingClientRect()
        const corner = document.querySelector('.coverage-corner')!.getBoundingClientRect()
        const firstActor = document
          .querySelector('.coverage-table tbody th')!
          .getBoundingClientRect()
        const head = document.querySelector('.coverage-table thead th[data-objective]')!
        return {
          pageOverflows: document.documentElement.scrollWidth > window.innerWidth,
          scrolls: scroller.scrollWidth > scroller.clientWidth,
          inBox: box.right <= window.innerWidth,
          headAt: head.getBoundingClientRect().top - box.top,
          cornerAt: corner.left - box.left,
          actorAt: firstActor.left - box.left,
        }
      }),
  }
  return self
}
