import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { collectionRoot, putCard, putLink } from '../../shared/schema/index.ts'
import { newActorFields } from '../../shared/stakeholders/actors.ts'
import { newParticipant, screenshot } from '../helpers/browser.ts'
import { boardPage } from '../helpers/boardPage.ts'
import { PHONE } from '../helpers/phonePages.ts'
import { stakeholderPage } from '../helpers/stakeholdersPage.ts'
import { browserSuite } from '../helpers/suite.ts'
import { seededBoards } from '../helpers/voteBoards.ts'
import { tapFar, thumbSized, thumbTargets, openVotes } from '../helpers/voteTargets.ts'

const suite = browserSuite()
const seeded = seededBoards(suite)

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
})
