import { afterAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { collectionRoot, putCard, putLink } from '../../shared/schema/index.ts'
import { newActorFields } from '../../shared/stakeholders/actors.ts'
import { newParticipant, screenshot } from '../helpers/browser.ts'
import { boardPage } from '../helpers/boardPage.ts'
import { connectSynced, type Client } from '../helpers/clients.ts'
import { PHONE, reachable } from '../helpers/phonePages.ts'
import { createBoard } from '../helpers/server.ts'
import { stakeholderPage } from '../helpers/stakeholdersPage.ts'
import { browserSuite } from '../helpers/suite.ts'
import {
  coveredInView,
  tapFar,
  tapZoom,
  thumbSized,
  thumbTargets,
  zoomOf,
  openVotes,
} from '../helpers/voteTargets.ts'

const suite = browserSuite()
const clients: Client[] = []
afterAll(() => clients.forEach((c) => c.destroy()))

/** Cut at five lines on a card: its last line, of short words, reaches the card's right side. */
const LONG =
  'Per chi ha tra i 18 e i 29 anni e vive in un paese della valle ci sono pochi tirocini, e ' +
  'quasi tutti a Bergamo: se non hai un’auto o un bus che passa spesso non ci vai, e il centro ' +
  'per l’impiego non lo sa chi ci va'

/**
 * Where a card's «+●» control covers something of the card: a line of its text (each text
 * node's line boxes, the part of them not cut off by a clamp) or a badge, chip or icon. One
 * string per overlap; [] when none does. Also how many controls were looked at.
 */
const covered = (page: Page) =>
  page.evaluate(() => {
    const hit = (a: DOMRect, b: DOMRect) =>
      a.width > 0 &&
      b.width > 0 &&
      a.left < b.right - 0.5 &&
      b.left < a.right - 0.5 &&
      a.top < b.bottom - 0.5 &&
      b.top < a.bottom - 0.5
    const skip = '.vote-dots, .react-flow__handle, .actor-writer, .card-writer'
    const found: string[] = []
    const controls = [...document.querySelectorAll('.vote-dots')]
    for (const control of controls) {
      const box = control.getBoundingClientRect()
      const card = control.closest('.problem-card, .objective-card, .actor-card')!
      const parts: [string, DOMRect][] = []
      const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.textContent?.trim() || n.parentElement?.closest(skip)) continue
        // what a clamp («…» after five lines) hides is not on the card
        let clip = card.getBoundingClientRect()
        for (let el = n.parentElement; el && el !== card; el = el.parentElement)
          if (getComputedStyle(el).overflow !== 'visible') {
            const r = el.getBoundingClientRect()
            const left = Math.max(clip.left, r.left)
            const top = Math.max(clip.top, r.top)
            clip = new DOMRect(
              left,
              top,
              Math.min(clip.right, r.right) - left,
              Math.min(clip.bottom, r.bottom) - top,
            )
          }
        const range = document.createRange()
        range.selectNodeContents(n)
        for (const r of range.getClientRects())
          if (hit(clip, r)) parts.push([n.textContent.trim(), r])
      }
      const badges = card.querySelectorAll(
        '.stance-badge, .status-chip, .card-tag, .card-cluster, .card-note, svg, .category-badge',
      )
      for (const el of badges)
        if (!el.closest(skip)) parts.push([el.className.toString(), el.getBoundingClientRect()])
      for (const [what, r] of parts) if (hit(box, r)) found.push(`${card.className}: «${what}»`)
    }
    return { controls: controls.length, found }
  })

/** The core problem of the trees the phone's vote tests lay out in rows under it. */
const CORE = { kind: 'problem', label: 'Pochi tirocini', x: 360, y: 0, role: 'core' }

/** A board, and the facilitator's stock client that writes into it. */
async function seeded() {
  const board = await createBoard(suite.server.url, 'Patto Valle')
  const seeder = await connectSynced(suite.server.url, board.id, board.keys.facilitator)
  clients.push(seeder)
  return { board, doc: seeder.doc }
}

/** Two problems, an objective and two actors, each cut long, and a vote open on each canvas. */
async function votingBoard() {
  const { board, doc } = await seeded()
  doc.transact(() => {
    putCard(doc, 'problems', 'p0', { kind: 'problem', label: LONG, x: 0, y: 0, role: 'core' })
    putCard(doc, 'problems', 'p1', { kind: 'problem', label: LONG, x: 0, y: 260, role: 'cause' })
    // (linked: the tree's warning, at the screen's foot on a phone, would cover the cause's «+●»)
    putLink(doc, 'problems', 'l1', { kind: 'cause-effect', source: 'p1', target: 'p0' })
    putCard(doc, 'objectives', 'o0', {
      kind: 'objective',
      label: LONG,
      status: 'added',
      derivedFrom: null,
      x: 0,
      y: 0,
    })
    const actor = (
      id: string,
      x: number,
      label: string,
      extra: Parameters<typeof newActorFields>[1],
    ) =>
      putCard(doc, 'stakeholders', id, {
        ...newActorFields('third-sector', { label, ...extra }),
        x,
        y: 0,
      })
    actor('a0', 0, 'Cooperativa sociale Fraternità', {
      organisation: 'Ufficio Lavoro e inclusione',
      power: 0.8,
      interest: 0.9,
      stance: 'neutral',
      desiredStance: 'supports',
      // cut at two lines on the grid: the second reaches the card's right side
      engagement:
        'Due incontri al mese con il tavolo dei servizi e un posto nel gruppo che scrive i ' +
        'bandi per i tirocini, da qui a giugno',
    })
    actor('a1', 320, 'Comune di Albino', { power: 0.3, interest: 0.2, stance: 'supports' })
    openVotes(doc, ['problems', 'objectives', 'stakeholders'])
  })
  return { board, doc }
}

describe('a dot vote on the cards', () => {
  it("puts each card's «+●» clear of its text and badges, on every canvas that can be voted", async () => {
    const { board, doc } = await votingBoard()
    const anna = await suite.open(board.links.participant, 'Anna')
    const page = anna.page
    // every kind of card looked at before the verdict, to see which covered what
    const found: Record<string, string[]> = {}
    const check = async (name: string, cards: number) => {
      await expect.poll(() => page.locator('.vote-dots').count()).toBe(cards)
      await screenshot(page, `vote-layout-${name}`)
      const seen = await covered(page)
      expect(seen.controls, name).toBe(cards)
      found[name] = seen.found
    }
    await check('problems', 2)
    await page.locator('#tab-objectives').click()
    await check('objectives', 1)
    const sh = stakeholderPage(page)
    await page.locator('#tab-stakeholders').click()
    await page.locator('.sh-phase').waitFor()
    await sh.view('grid')
    await check('grid', 2)
    await sh.view('map')
    await check('map', 2)
    // the tally, once shown, takes the same place
    doc.transact(() => collectionRoot(doc, 'votes').get('v-stakeholders')!.set('state', 'revealed'))
    await page.getByTestId('vote-tally').first().waitFor()
    await check('tally', 2)
    expect(found).toEqual({ problems: [], objectives: [], grid: [], map: [], tally: [] })
    // still a control: a click puts a dot
    doc.transact(() => collectionRoot(doc, 'votes').get('v-stakeholders')!.set('state', 'open'))
    await sh
      .card('Comune di Albino')
      .getByRole('button', { name: 'Metti un punto su «Comune di Albino»' })
      .click()
    await expect
      .poll(() => sh.card('Comune di Albino').getByTestId('vote-dots').getAttribute('data-mine'))
      .toBe('1')
  })

  it("gives each card's «+●» and «−» a thumb's target on a phone, and a tap there counts", async () => {
    const { board } = await votingBoard()
    const { page } = await newParticipant(suite.browser, 'Lucia', 'it', PHONE)
    await boardPage(page).open(board.links.participant)
    // the problems: each control in sight a thumb's size (they were 24 CSS px, ~20 on the screen)
    await expect.poll(() => thumbSized(page, 1), { timeout: 10_000 }).toBe(true)
    await screenshot(page, 'vote-phone-problems')
    const first = (await thumbTargets(page))[0]!
    const control = page.getByTestId('vote-dots').nth(first.control)
    await tapFar(page, first)
    await expect.poll(() => control.getAttribute('data-mine')).toBe('1')
    await expect.poll(() => page.getByTestId('vote-chip').textContent()).toMatch(/ti restano 2/)
    // with a dot placed, «−» beside «+●»: each its own square
    const buttons = async () =>
      (await thumbTargets(page)).filter((t) => t.control === first.control && t.square)
    await expect
      .poll(async () => (await buttons()).map((t) => t.name.split(' «')[0]))
      .toEqual(['Togli un punto da', 'Metti un punto su'])
    expect(await thumbSized(page, 2)).toBe(true)
    await screenshot(page, 'vote-phone-placed')
    await tapFar(page, (await buttons())[0]!)
    await expect.poll(() => control.getAttribute('data-mine')).toBe('0')
    // the objectives and the actors on the grid
    await page.locator('#tab-objectives').tap()
    await page.locator('.objective-card').first().waitFor()
    await expect.poll(() => thumbSized(page, 1), { timeout: 10_000 }).toBe(true)
    await page.locator('#tab-stakeholders').tap()
    await stakeholderPage(page).view('grid')
    // (the grid opens at a zoom one reads at, 0.8, on its actors: fitted whole it was 0.26)
    const zoom = () =>
      page
        .locator('.grid-canvas .react-flow__viewport')
        .evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a)
    await expect.poll(zoom, { timeout: 10_000 }).toBeGreaterThanOrEqual(0.6)
    await expect.poll(() => thumbSized(page, 1), { timeout: 10_000 }).toBe(true)
    await screenshot(page, 'vote-phone-grid')
  })

  it("keeps the trees' warnings and display toggle off the cards' «+●» on a phone, and readable", async () => {
    const { board, doc } = await seeded()
    doc.transact(() => {
      const problem = (id: string, label: string, x: number, y: number, role: string) =>
        putCard(doc, 'problems', id, { kind: 'problem', label, x, y, role })
      problem('p0', 'Pochi tirocini di qualità', 0, 0, 'core')
      problem('p1', 'Trasporti scarsi', 0, 300, 'cause')
      // linked to nothing: the tree's warning says so, at the foot of the canvas
      problem('p2', 'Orientamento tardivo', 0, 600, 'cause')
      putLink(doc, 'problems', 'l1', { kind: 'cause-effect', source: 'p1', target: 'p0' })
      const objective = (id: string, label: string, y: number) =>
        putCard(doc, 'objectives', id, {
          kind: 'objective',
          label,
          status: 'added',
          derivedFrom: null,
          x: 0,
          y,
        })
      objective('o0', 'Più tirocini di qualità', 0)
      objective('o1', 'Trasporti frequenti', 300)
      objective('o2', 'Orientamento per tempo', 600)
      openVotes(doc, ['problems', 'objectives'])
    })
    const { page } = await newParticipant(suite.browser, 'Lucia', 'it', PHONE)
    await boardPage(page).open(board.links.participant)
    const warnings = page.getByTestId('tree-warnings')
    await warnings.waitFor()
    // As the tree opens, at a zoom one reads at (the core problem at 0.8, or the whole tree
    // where it fits at that or more: a framed view, not React Flow's zoom 1 before it), its
    // causes below it: each «+●» in view takes a tap (the warnings, drawn over the causes' foot,
    // took the first cause's; the view's foot ends above them, and that cause is in it or just
    // under it)
    await expect
      .poll(
        async () => {
          const zoom = await zoomOf(page)
          return zoom >= 0.8 && zoom < 1
        },
        { timeout: 10_000 },
      )
      .toBe(true)
    const hidden = async () => {
      const seen = await coveredInView(page)
      return seen.inView ? seen.hidden : ['none in view']
    }
    await expect.poll(hidden).toEqual([])
    await screenshot(page, 'vote-phone-warnings')
    /** Whether `el` is whole on the screen, under the canvas's view and on top. */
    const underView = (el: Locator) =>
      el.evaluate((e) => {
        const r = e.getBoundingClientRect()
        const view = e.closest('.canvas')!.querySelector('.react-flow')!.getBoundingClientRect()
        const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)
        return (
          r.top >= view.bottom - 0.5 &&
          r.left >= 0 &&
          r.right <= innerWidth &&
          r.bottom <= innerHeight &&
          !!hit &&
          e.contains(hit)
        )
      })
    expect(await underView(warnings)).toBe(true)
    // «Mostra tutto»: the lowest cards' «+●» a thumb's target whole, above the warnings
    await page.getByRole('button', { name: 'Mostra tutto' }).tap()
    await expect.poll(() => thumbSized(page, 3)).toBe(true)
    // the objectives: the display toggle at the foot, under the tree
    await page.locator('#tab-objectives').tap()
    await expect.poll(() => page.locator('.objective-card').count()).toBe(3)
    await page.getByRole('button', { name: 'Mostra tutto' }).tap()
    await expect.poll(() => thumbSized(page, 3)).toBe(true)
    const toggle = page.locator('.display-toggle')
    expect(await underView(toggle)).toBe(true)
    await screenshot(page, 'vote-phone-toggle')
  })

  it('on a phone, from far out, asks to zoom in to vote and leaves each card its taps', async () => {
    // a tree of three rows of four, as «Disponi albero» lays it out, and four objectives
    const { board, doc } = await seeded()
    doc.transact(() => {
      putCard(doc, 'problems', 'core', CORE)
      for (let i = 0; i < 4; i++)
        for (const [row, above] of [
          [1, 'core'],
          [2, `r1-${i}`],
        ] as const) {
          const id = `r${row}-${i}`
          putCard(doc, 'problems', id, {
            kind: 'problem',
            label: `Causa ${row}.${i + 1}`,
            x: i * 240,
            y: row * 170,
            role: 'cause',
          })
          putLink(doc, 'problems', `l-${id}`, { kind: 'cause-effect', source: id, target: above })
        }
      for (let i = 0; i < 4; i++)
        putCard(doc, 'objectives', `o${i}`, {
          kind: 'objective',
          label: `Obiettivo ${i + 1}`,
          status: 'added',
          derivedFrom: null,
          x: i * 240,
          y: 0,
        })
      openVotes(doc, ['problems', 'objectives'])
    })
    const { page } = await newParticipant(suite.browser, 'Lucia', 'it', PHONE)
    await boardPage(page).open(board.links.participant)
    await expect.poll(() => page.getByTestId('vote-dots').count()).toBe(9)
    const zoomIn = page.getByRole('button', { name: 'Ingrandisci per votare' })
    const offered = async () => (await zoomIn.count()) > 0 && (await reachable(zoomIn))
    // the whole tree, at about 0.34: a «+●» a thumb's size (130 of the canvas's px) would reach
    // over the cards around it; the canvas asks to zoom in, with a button a thumb's size
    await page.getByRole('button', { name: 'Mostra tutto' }).tap()
    await expect.poll(() => zoomOf(page), { timeout: 10_000 }).toBeLessThan(0.4)
    await expect.poll(offered).toBe(true)
    await screenshot(page, 'vote-phone-far')
    // and a tap where a card's «+●» is drawn is the card's, not the control's
    const taps = () =>
      page.getByTestId('vote-dots').evaluateAll((controls) =>
        controls.map((c) => {
          const r = c.getBoundingClientRect()
          const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)
          return !!hit?.closest('.react-flow__node') && !hit.closest('.vote-dots')
        }),
      )
    await expect.poll(taps).toEqual(Array(9).fill(true))
    // zoomed in, the controls take a thumb's tap again, and it counts
    await zoomIn.tap()
    await expect.poll(() => zoomOf(page)).toBe(0.8)
    // (the tap area sized for 0.8, not still for the zoom before, wider)
    await expect.poll(() => tapZoom(page)).toBe('0.8')
    await expect.poll(() => thumbSized(page, 1)).toBe(true)
    expect(await zoomIn.count()).toBe(0)
    const first = (await thumbTargets(page))[0]!
    await tapFar(page, first)
    await expect
      .poll(() => page.getByTestId('vote-dots').nth(first.control).getAttribute('data-mine'))
      .toBe('1')
    await screenshot(page, 'vote-phone-zoomed-in')
    // the objective tree asks the same
    await page.locator('#tab-objectives').tap()
    await expect.poll(() => page.locator('.objective-card').count()).toBe(4)
    await page.getByRole('button', { name: 'Mostra tutto' }).tap()
    await expect.poll(offered).toBe(true)
    await screenshot(page, 'vote-phone-far-objectives')
  })

  it('on a phone the room brought to the facilitator’s view votes there, and keeps «Ingrandisci per votare» clear of the bar', async () => {
    const { board, doc } = await seeded()
    doc.transact(() => {
      putCard(doc, 'problems', 'core', CORE)
      for (let i = 0; i < 4; i++) {
        putCard(doc, 'problems', `c${i}`, {
          kind: 'problem',
          label: `Causa ${i + 1}`,
          x: i * 240,
          y: 170,
          role: 'cause',
        })
        putLink(doc, 'problems', `l${i}`, { kind: 'cause-effect', source: `c${i}`, target: 'core' })
      }
      openVotes(doc, ['problems'])
    })
    const chiara = await newParticipant(suite.browser, 'Chiara')
    await chiara.page.setViewportSize({ width: 1440, height: 900 })
    await boardPage(chiara.page).open(board.links.facilitator)
    const { page } = await newParticipant(suite.browser, 'Sara', 'it', PHONE)
    await boardPage(page).open(board.links.participant)
    await expect.poll(() => page.getByTestId('vote-dots').count()).toBe(5)
    // «Porta tutti qui»: the phone shows the middle of what the laptop shows at the zoom one
    // votes at (the laptop's view whole was far out, at 0.27)
    await chiara.page.getByRole('button', { name: 'Porta tutti qui' }).click()
    await page.locator('[data-testid=follow-bar][data-state=following]').waitFor()
    await expect.poll(() => zoomOf(page)).toBeGreaterThanOrEqual(0.8)
    // (and the bar, as wide as the screen lets it, leaves the zoom's buttons their taps)
    for (const name of ['Ingrandisci', 'Riduci', 'Mostra tutto'])
      expect(await reachable(page.getByRole('button', { name, exact: true })), name).toBe(true)
    await screenshot(page, 'vote-phone-following')
    // the whole tree, from far out: the bar at the foot (four lines at half the screen's width)
    // covered the button that zooms in to vote
    await page.getByRole('button', { name: 'Mostra tutto', exact: true }).tap()
    await page.locator('[data-testid=follow-bar][data-state=left]').waitFor()
    const zoomIn = page.getByRole('button', { name: 'Ingrandisci per votare' })
    await zoomIn.waitFor()
    await expect.poll(() => reachable(zoomIn)).toBe(true)
    await screenshot(page, 'vote-phone-left-far')
  })
})
