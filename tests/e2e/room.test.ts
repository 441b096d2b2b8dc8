import { browserSuite } from '../helpers/suite.ts'
import { afterAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { ROOM_ROOT, canvasRoots, putCard, putRecord } from '../../shared/schema/index.ts'
import { mergeObjectiveTree } from '../../shared/method/objectiveTree.ts'
import { newParticipant, screenshot } from '../helpers/browser.ts'
import { boardPage, flowSight } from '../helpers/boardPage.ts'
import { connectSynced, type Client } from '../helpers/clients.ts'
import { createBoard, importBoard } from '../helpers/server.ts'
import { pactBoard } from '../helpers/pactBoard.ts'
import { buildWorkshopTree, WORKSHOP_LABELS } from '../helpers/workshopTree.ts'
import { measureCardText, shownCardIds } from '../helpers/projectorPage.ts'

const suite = browserSuite()
const clients: Client[] = []
afterAll(() => clients.forEach((c) => c.destroy()))

/**
 * Counts the problem cards a page ever puts in the document (window.__problemCardsDrawn), from
 * its first script on. A string: the test's compiler would add helpers the page does not have.
 */
const COUNT_PROBLEM_CARDS = `(() => {
  window.__problemCardsDrawn = 0
  new MutationObserver((records) => {
    for (const r of records)
      for (const n of r.addedNodes)
        if (n.nodeType === 1)
          window.__problemCardsDrawn +=
            (n.matches('.problem-card') ? 1 : 0) + n.querySelectorAll('.problem-card').length
  }).observe(document, { childList: true, subtree: true })
})()`
const problemCardsDrawn = (page: Page) =>
  page.evaluate(() => (window as unknown as { __problemCardsDrawn: number }).__problemCardsDrawn)

async function openAs(link: string, name: string, size?: { width: number; height: number }) {
  const { page } = await newParticipant(suite.browser, name)
  await page.addInitScript({ content: COUNT_PROBLEM_CARDS })
  if (size) await page.setViewportSize(size)
  const board = boardPage(page)
  await board.open(link)
  return board
}

/** A workshop board: the 25-card tree, its objective tree and a strategy candidate. */
async function workshopBoard() {
  const board = await createBoard(suite.server.url, 'Patto Val Seriana')
  const stock = await connectSynced(suite.server.url, board.id, board.keys.participant)
  clients.push(stock)
  buildWorkshopTree(stock.doc)
  mergeObjectiveTree(stock.doc)
  putRecord(stock.doc, 'strategy.candidates', 'cand', {
    label: 'Orientamento',
    objectives: [],
  })
  return board
}

const selectedTab = (page: Page, phase: string) =>
  page.locator(`#tab-${phase}`).getAttribute('aria-selected')

/**
 * In the canvas's coordinates: the bottom of what a page shows, and (`under`: what sits at the
 * window's foot) the top of the highest thing there.
 */
const flowBottom = (page: Page, under?: string) =>
  page.evaluate((under) => {
    const flow = document.querySelector('.react-flow')!.getBoundingClientRect()
    const viewport = document.querySelector('.react-flow__viewport') as HTMLElement
    const m = new DOMMatrixReadOnly(getComputedStyle(viewport).transform)
    const bottom = under
      ? Math.min(...[...document.querySelectorAll(under)].map((e) => e.getBoundingClientRect().top))
      : flow.bottom
    return (bottom - flow.top - m.f) / m.a
  }, under)

/** Two views show the same place: centres within a card's width. */
const samePlace = (a: { cx: number; cy: number }, b: { cx: number; cy: number }) =>
  Math.hypot(a.cx - b.cx, a.cy - b.cy) < 120

describe('the projector follows the room', () => {
  it('follows the facilitator’s phase, view, reveal and spotlight, and shows the join code', async () => {
    const board = await workshopBoard()
    const fabio = await openAs(board.links.facilitator, 'Fabio', { width: 1440, height: 900 })
    const projector = await openAs(board.links.viewer, 'Proiettore', {
      width: 1920,
      height: 1080,
    })
    await expect.poll(() => projector.cards().count()).toBe(25)
    // the cards are in the page before the projector has arranged and shown them: wait for the
    // whole tree on screen
    let whole = await measureCardText(projector.page)
    await expect.poll(async () => (whole = await measureCardText(projector.page)).inView).toBe(25)

    // spotlight: the facilitator selects a cause; the projector shows it with its causes and
    // its effect, larger than the whole tree
    await fabio.card(WORKSHOP_LABELS.c1!).click()
    await expect.poll(() => shownCardIds(projector.page)).toEqual(['c1', 'core', 'r1', 'r2'])
    await expect
      .poll(async () => (await measureCardText(projector.page)).minPx)
      .toBeGreaterThan(whole.minPx * 1.3)
    await projector.page.locator('.react-flow__node[data-id="c1"]').waitFor()
    // the screen says what it shows: the room does not read it as cards gone missing
    const caption = projector.page.getByTestId('spotlight-caption')
    await expect
      .poll(() => caption.textContent())
      .toContain(`Riflettore su «${WORKSHOP_LABELS.c1!.slice(0, 20)}`)
    await screenshot(projector.page, 'room-spotlight')
    // deselecting returns to the whole tree
    await fabio.page.locator('.react-flow__pane').click({ position: { x: 8, y: 400 } })
    await expect.poll(async () => (await shownCardIds(projector.page)).length).toBe(25)
    expect(await caption.count()).toBe(0)

    // phase and view inside the phase
    await fabio.page.locator('#tab-objectives').click()
    await expect.poll(() => selectedTab(projector.page, 'objectives')).toBe('true')
    await fabio.page.locator('#objectives-tab-strategy').click()
    await projector.page.locator('#objectives-tab-strategy[aria-selected=true]').waitFor()
    await projector.page.locator('[data-testid=strategy-view]').waitFor()

    // the reveal of the ranking
    // the projector has no button of its own: it shows what the facilitator reveals
    const projectorToggle = projector.page.locator('[data-testid=results-toggle]')
    expect(await projector.page.locator('[data-testid=results-toggle] button').count()).toBe(0)
    expect(await projectorToggle.getAttribute('data-shown')).toBe('false')
    await fabio.page.getByRole('button', { name: 'Mostra risultati' }).click()
    await expect.poll(() => projectorToggle.getAttribute('data-shown')).toBe('true')
    await projector.page.locator('[data-testid=ranking-item]').first().waitFor()
    // below the grid, the projector brings the ranking into view by itself
    const rankingInView = () =>
      projector.page
        .locator('[data-testid=ranking-item]')
        .first()
        .evaluate((el) => {
          const r = el.getBoundingClientRect()
          return r.top >= 0 && r.bottom <= innerHeight + 1
        })
    await expect.poll(rankingInView).toBe(true)
    await fabio.page.getByRole('button', { name: 'Nascondi risultati' }).click()
    await expect.poll(() => projectorToggle.getAttribute('data-shown')).toBe('false')

    await fabio.page.locator('#objectives-tab-compare').click()
    await projector.page.locator('#objectives-tab-compare[aria-selected=true]').waitFor()
    await fabio.page.locator('#objectives-tab-tree').click()
    await projector.page.locator('#objectives-tab-tree[aria-selected=true]').waitFor()

    // the join code: this browser did not create the board, so the facilitator pastes the link
    await fabio.page.getByRole('button', { name: 'Codice per entrare' }).click()
    await fabio.page.getByLabel('Link dei partecipanti').fill(board.links.participant)
    await fabio.page.getByRole('button', { name: 'Usa questo link' }).click()
    await projector.page.getByTestId('join-overlay').waitFor()
    expect(await projector.page.getByTestId('join-link').innerText()).toBe(board.links.participant)
    await projector.page.locator('[data-testid=join-overlay] [data-testid=qr-code]').waitFor()
    await screenshot(projector.page, 'room-join-code')
    await fabio.page.getByRole('button', { name: 'Nascondi il codice' }).click()
    await projector.page.getByTestId('join-overlay').waitFor({ state: 'detached' })
  })

  it('shows the whole tree while the facilitator writes cards; a click on one spotlights it', async () => {
    const board = await createBoard(suite.server.url, 'Valle')
    const stock = await connectSynced(suite.server.url, board.id, board.keys.participant)
    clients.push(stock)
    const fabio = await openAs(board.links.facilitator, 'Fabio', { width: 1440, height: 900 })
    const projector = await openAs(board.links.viewer, 'Proiettore', { width: 1920, height: 1080 })
    // from the keyboard: N, the core problem, Enter; Tab, a cause, Enter (it stays selected)
    const write = async (key: string, text: string) => {
      await fabio.page.keyboard.press(key)
      await fabio.page.locator('textarea.card-editor').fill(text)
      await fabio.page.keyboard.press('Enter')
      await fabio.card(text).waitFor()
    }
    await write('n', 'Giovani che lasciano la valle')
    await write('Tab', 'Poche aziende innovative')
    await fabio.page.locator('.react-flow__node.selected', { hasText: 'Poche aziende' }).waitFor()
    // the room adds two cards: the projector shows all four, not the card just written
    await expect.poll(() => canvasRoots(stock.doc, 'problems').nodes.size).toBe(2)
    const added = { p1: 'Trasporti scarsi', p2: 'Scuole lontane' }
    for (const [id, label] of Object.entries(added))
      putCard(stock.doc, 'problems', id, { kind: 'problem', label, role: 'cause', x: 0, y: 400 })
    const caption = projector.page.getByTestId('spotlight-caption')
    const shown = async () =>
      (await caption.count()) ? -1 : (await shownCardIds(projector.page)).length
    await expect.poll(shown, { timeout: 3000 }).toBe(4)
    await screenshot(projector.page, 'room-writing-whole-tree')
    // a click on the card just written (still selected) is the deliberate act: the spotlight
    await fabio.card('Poche aziende').click()
    await expect.poll(() => caption.textContent()).toContain('Riflettore su «Poche aziende')
    await expect.poll(async () => (await shownCardIds(projector.page)).length).toBe(2)
    await screenshot(projector.page, 'room-writing-spotlight')
    // and one of the room's cards, clicked
    await fabio.card('Scuole lontane').click()
    await expect.poll(() => caption.textContent()).toContain('Riflettore su «Scuole lontane')
  })
})

describe('following and bringing everyone here', () => {
  it('brings the participants to the facilitator’s view, all of it above the bar saying so, until one of them pans', async () => {
    const board = await workshopBoard()
    const fabio = await openAs(board.links.facilitator, 'Fabio')
    const pia = await openAs(board.links.participant, 'Pia')
    const ugo = await openAs(board.links.participant, 'Ugo')
    for (const p of [fabio, pia, ugo]) await expect.poll(() => p.cards().count()).toBe(25)

    // everyone looks somewhere else
    const wheel = async (p: typeof fabio, x: number, y: number, dy: number) => {
      await p.page.mouse.move(x, y)
      await p.page.mouse.wheel(0, dy)
    }
    await wheel(fabio, 300, 600, -400)
    await wheel(pia, 1100, 300, 300)
    await wheel(ugo, 900, 700, -200)
    const fabioAt = await flowSight(fabio.page)
    expect(samePlace(await flowSight(pia.page), fabioAt)).toBe(false)

    await fabio.page.getByRole('button', { name: 'Porta tutti qui' }).click()
    for (const p of [pia, ugo]) {
      await p.page.locator('[data-testid=follow-bar][data-state=following]').waitFor()
      await expect.poll(async () => samePlace(await flowSight(p.page), fabioAt)).toBe(true)
    }
    expect(await pia.page.getByTestId('follow-bar').innerText()).toContain(
      'Fabio ha portato tutti alla sua vista',
    )
    // all of it above the bar saying so: its lowest cards went under the bar
    const fabioBottom = await flowBottom(fabio.page)
    await expect
      .poll(async () => (await flowBottom(pia.page, '.follow-bar')) >= fabioBottom - 2)
      .toBe(true)
    await screenshot(pia.page, 'room-summoned')

    // the facilitator moves: both follow
    await wheel(fabio, 1000, 250, 300)
    const moved = await flowSight(fabio.page)
    expect(samePlace(moved, fabioAt)).toBe(false)
    for (const p of [pia, ugo])
      await expect.poll(async () => samePlace(await flowSight(p.page), moved)).toBe(true)

    // Pia pans on her own: she stops following, with the way back; Ugo still follows
    await wheel(pia, 600, 400, 500)
    await pia.page.locator('[data-testid=follow-bar][data-state=left]').waitFor()
    const piaAt = await flowSight(pia.page)
    await wheel(fabio, 250, 650, -300)
    const again = await flowSight(fabio.page)
    await expect.poll(async () => samePlace(await flowSight(ugo.page), again)).toBe(true)
    expect(samePlace(await flowSight(pia.page), piaAt)).toBe(true)

    // and back
    await pia.page.getByRole('button', { name: 'Torna da Fabio' }).click()
    await expect.poll(async () => samePlace(await flowSight(pia.page), again)).toBe(true)
    await pia.page.getByRole('button', { name: 'Smetti di seguire' }).click()
    await pia.page.getByTestId('follow-bar').waitFor({ state: 'detached' })
  })

  it('a participant is told the facilitator moved the room, and can go there', async () => {
    const board = await workshopBoard()
    const fabio = await openAs(board.links.facilitator, 'Fabio')
    const pia = await openAs(board.links.participant, 'Pia')
    await pia.card(WORKSHOP_LABELS.core!).waitFor()
    await fabio.page.locator('#tab-objectives').click()
    const notice = pia.page.getByTestId('phase-notice')
    await notice.waitFor()
    expect(await notice.innerText()).toContain('Fabio ha portato la sala alla fase «Obiettivi»')
    // she stays where she was until she chooses
    expect(await selectedTab(pia.page, 'problems')).toBe('true')
    await screenshot(pia.page, 'room-phase-notice')
    await pia.page.getByRole('button', { name: 'Vai a «Obiettivi»' }).click()
    await expect.poll(() => selectedTab(pia.page, 'objectives')).toBe('true')
    await notice.waitFor({ state: 'detached' })
    // someone who arrives late starts where the room is, with nothing to dismiss
    const ugo = await openAs(board.links.participant, 'Ugo')
    await ugo.page.locator('.objective-canvas .react-flow__node-objective').first().waitFor()
    expect(await selectedTab(ugo.page, 'objectives')).toBe('true')
    expect(await ugo.page.getByTestId('phase-notice').count()).toBe(0)
    // straight there: the problem tree was not drawn first (25 cards, then thrown away)
    expect(await problemCardsDrawn(ugo.page)).toBe(0)
    // and so does the facilitator's second tab (or a reload of theirs), and the projector
    const again = await openAs(board.links.facilitator, 'Fabio')
    await again.page.locator('.objective-canvas .react-flow__node-objective').first().waitFor()
    expect(await selectedTab(again.page, 'objectives')).toBe('true')
    expect(await problemCardsDrawn(again.page)).toBe(0)
    const screen = await openAs(board.links.viewer, 'Proiettore')
    await screen.page.locator('.objective-canvas .react-flow__node-objective').first().waitFor()
    expect(await problemCardsDrawn(screen.page)).toBe(0)
  })

  it('a participant who stepped away from «Porta tutti qui» is still offered the new phase, above the locked-phase banner', async () => {
    const board = await workshopBoard()
    const fabio = await openAs(board.links.facilitator, 'Fabio')
    const pia = await openAs(board.links.participant, 'Pia')
    for (const p of [fabio, pia]) await expect.poll(() => p.cards().count()).toBe(25)
    await fabio.page.getByRole('button', { name: 'Porta tutti qui' }).click()
    await pia.page.locator('[data-testid=follow-bar][data-state=following]').waitFor()
    // Pia pans on her own: she stepped away, with the way back
    await pia.page.mouse.move(600, 400)
    await pia.page.mouse.wheel(0, 500)
    await pia.page.locator('[data-testid=follow-bar][data-state=left]').waitFor()

    // the facilitator locks the problem tree (where Pia is), then moves the room on
    const control = await connectSynced(suite.server.url, board.id, board.keys.facilitator)
    clients.push(control)
    control.doc.getMap(ROOM_ROOT).set('locks', ['problems'])
    const banner = pia.page.getByTestId('room-locked')
    await banner.waitFor()
    await fabio.page.locator('#tab-objectives').click()
    const notice = pia.page.getByTestId('phase-notice')
    await notice.waitFor()
    expect(await notice.innerText()).toContain('Fabio ha portato la sala alla fase «Obiettivi»')
    // the notice and the banner are both readable: neither covers the other
    const a = (await notice.boundingBox())!
    const b = (await banner.boundingBox())!
    expect(a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(true)
    await screenshot(pia.page, 'room-phase-notice-after-leaving')

    await pia.page.getByRole('button', { name: 'Vai a «Obiettivi»' }).click()
    await expect.poll(() => selectedTab(pia.page, 'objectives')).toBe('true')
    await banner.waitFor({ state: 'detached' })
    // the way back to Fabio is still offered
    await pia.page.locator('[data-testid=follow-bar][data-state=left]').waitFor()
  })

  it('anyone follows anyone; a chain resolves to its end', async () => {
    const board = await workshopBoard()
    const fabio = await openAs(board.links.facilitator, 'Fabio')
    const pia = await openAs(board.links.participant, 'Pia')
    const ugo = await openAs(board.links.participant, 'Ugo')
    for (const p of [fabio, pia, ugo]) await expect.poll(() => p.cards().count()).toBe(25)
    const follow = async (p: typeof pia, name: string) => {
      await p.page.getByRole('button', { name: 'Segui…' }).click()
      await p.page.getByRole('button', { name: `Segui ${name}` }).click()
    }
    const following = (p: typeof pia) =>
      p.page.locator('[data-testid=follow-bar][data-state=following]').waitFor()
    // Ugo follows Pia, Pia follows Fabio: Ugo sees Fabio's view
    await follow(ugo, 'Pia')
    await following(ugo)
    await follow(pia, 'Fabio')
    await following(pia)
    await fabio.page.mouse.move(300, 600)
    await fabio.page.mouse.wheel(0, -400)
    const fabioAt = await flowSight(fabio.page)
    for (const p of [pia, ugo])
      await expect.poll(async () => samePlace(await flowSight(p.page), fabioAt)).toBe(true)
    expect(await ugo.page.getByTestId('follow-bar').innerText()).toContain('Fabio')
    // Pia now follows Ugo too: a loop Pia ↔ Ugo; it settles on one leader, nobody spins
    await pia.page.getByRole('button', { name: 'Smetti di seguire' }).click()
    await follow(pia, 'Ugo')
    // the member of the loop with the smaller id leads it: only the other one follows
    const bars = async () =>
      (await Promise.all([pia, ugo].map((p) => p.page.getByTestId('follow-bar').count()))).sort()
    await expect.poll(bars).toEqual([0, 1])
  })

  it('a long table scrolls its last rows out from under the follow bar', async () => {
    const board = await importBoard(suite.server.url, pactBoard(40))
    const fabio = await openAs(board.links.facilitator, 'Fabio')
    const pia = await openAs(board.links.participant, 'Pia', { width: 1366, height: 768 })
    await fabio.page.locator('#tab-objectives').click()
    await fabio.page.getByRole('button', { name: 'Porta tutti qui' }).click()
    await pia.page.locator('[data-testid=follow-bar][data-state=following]').waitFor()
    await expect.poll(() => selectedTab(pia.page, 'objectives')).toBe('true')
    await pia.page.locator('#objectives-tab-logframe').click()
    const table = pia.page.locator('.logframe-view')
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(40)
    const clear = () =>
      pia.page.evaluate(() => {
        const view = document.querySelector('.logframe-view')!
        view.scrollTop = view.scrollHeight
        const rows = view.querySelectorAll('tbody tr')
        const last = rows[rows.length - 1]!.getBoundingClientRect()
        const bar = document.querySelector('[data-testid=follow-bar]')!.getBoundingClientRect()
        return last.bottom <= bar.top
      })
    await expect.poll(clear).toBe(true)
  })

  it('a projector draws the pages of tables larger than a laptop shows them', async () => {
    const board = await importBoard(suite.server.url, pactBoard(4))
    const fabio = await openAs(board.links.facilitator, 'Fabio')
    const projector = await openAs(board.links.viewer, 'Proiettore', { width: 1920, height: 1080 })
    const laptop = await openAs(board.links.viewer, 'Portatile', { width: 1366, height: 768 })
    await fabio.page.locator('#tab-objectives').click()
    await fabio.page.locator('#objectives-tab-logframe').click()
    const cell = (page: Page) =>
      page.locator('.logframe-view tbody td', { hasText: 'Registri dei servizi' }).first()
    for (const p of [projector, laptop]) await cell(p.page).waitFor()
    /** The height of one line of a logframe cell's text as drawn on the screen. */
    const line = (page: Page) =>
      cell(page).evaluate((td) => {
        const range = document.createRange()
        range.selectNodeContents(td)
        return range.getClientRects()[0]!.height
      })
    expect(await line(projector.page)).toBeGreaterThanOrEqual(1.3 * (await line(laptop.page)))
    // larger, and laid out again: nothing runs off the screen
    expect(
      await projector.page.evaluate(() => document.documentElement.scrollWidth <= innerWidth),
    ).toBe(true)
    await screenshot(projector.page, 'projector-logframe')
  })
})
