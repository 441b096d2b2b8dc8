/**
 * A dot vote on a phone: the trees opened at a reading zoom with each «+●» a thumb's tap, the
 * zoom asked for from far out, and the facilitator's view brought to the phone.
 */
import { describe, expect, it } from 'vitest'
import type { Locator } from 'playwright-core'
import { putCard, putLink } from '../../shared/schema/index.ts'
import { newParticipant, screenshot } from '../helpers/browser.ts'
import { boardPage } from '../helpers/boardPage.ts'
import { PHONE, reachable } from '../helpers/phonePages.ts'
import { browserSuite } from '../helpers/suite.ts'
import { seededBoards } from '../helpers/voteBoards.ts'
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
const seeded = seededBoards(suite)

/** The core problem of the trees the phone's vote tests lay out in rows under it. */
const CORE = { kind: 'problem', label: 'Pochi tirocini', x: 360, y: 0, role: 'core' }

describe('a dot vote on a phone', () => {
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
