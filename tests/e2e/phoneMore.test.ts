import { afterAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { newParticipant, screenshot } from '../helpers/browser.ts'
import { boardPage } from '../helpers/boardPage.ts'
import { connectSynced, type Client } from '../helpers/clients.ts'
import { createBoard } from '../helpers/server.ts'
import { facilitatorPanel } from '../helpers/facilitatorPanel.ts'
import { browserSuite } from '../helpers/suite.ts'
import { writeProblemTree, type ProblemCardSeed } from '../helpers/workshopTree.ts'

const suite = browserSuite()
const clients: Client[] = []
afterAll(() => clients.forEach((c) => c.destroy()))

const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 3,
}

/** A board with these problem cards and links, written by a stock client. */
async function boardWith(cards: ProblemCardSeed[], links: [string, string][] = []) {
  const board = await createBoard(suite.server.url, 'Patto dal telefono')
  const seeder = await connectSynced(suite.server.url, board.id, board.keys.facilitator)
  clients.push(seeder)
  writeProblemTree(seeder.doc, cards, links)
  return board
}

async function openPhone(link: string) {
  const phone = boardPage((await newParticipant(suite.browser, 'Lucia', 'it', PHONE)).page)
  await phone.open(link)
  return phone
}

/** Two taps in one place, as a finger makes them. */
async function doubleTap(page: Page, target: Locator) {
  const box = (await target.boundingBox())!
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2)
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2)
}

/** Whether what is drawn at the middle of `el` is `el` (not something over it). */
const onTop = (el: Locator) =>
  el.evaluate((e) => {
    const box = e.getBoundingClientRect()
    const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)
    return !!hit && e.contains(hit)
  })

/** Whether the element is drawn whole within the screen's width. */
const withinWidth = (el: Locator) =>
  el.evaluate((e) => {
    const box = e.getBoundingClientRect()
    return box.left >= 0 && box.right <= window.innerWidth
  })

describe('a participant on a phone, more', () => {
  it("sees the facilitator's timer whole beside an open vote, running, paused and at its end", async () => {
    const board = await boardWith([['core', 'Disoccupazione giovanile', 'core', 0, 0]])
    const facilitator = await suite.open(board.links.facilitator, 'Fede')
    const phone = await openPhone(board.links.participant)
    const panel = await facilitatorPanel(facilitator.page)
    await panel.getByTestId('timer-minutes').fill('10')
    await panel.getByRole('button', { name: 'Avvia' }).click()
    await panel
      .getByLabel('Domanda (facoltativa)')
      .fill('Quali cause affrontiamo per prime in questo patto territoriale di valle?')
    await panel.getByRole('button', { name: 'Apri la votazione' }).click()
    await phone.page.getByTestId('vote-chip').waitFor()
    const timer = phone.page.getByTestId('room-timer')
    const clock = phone.page.locator('.room-timer-clock')
    const whole = async () =>
      (await withinWidth(timer)) &&
      (await withinWidth(clock)) &&
      (await withinWidth(phone.page.getByTestId('vote-chip')))
    await expect.poll(whole).toBe(true)
    await panel.getByRole('button', { name: 'Pausa' }).click()
    await phone.page.locator('.room-timer-paused').waitFor()
    await screenshot(phone.page, 'phone-timer-paused')
    expect(await whole()).toBe(true)
    await panel.getByTestId('timer-minutes').fill('0.05')
    await panel.getByRole('button', { name: 'Avvia' }).click()
    await phone.page.locator('.room-timer-done').waitFor({ timeout: 15_000 })
    expect(await whole()).toBe(true)
  })

  it('sees the pause said across the screen, in three lines at most, off the tree’s zoom buttons', async () => {
    const board = await boardWith([['core', 'Disoccupazione giovanile', 'core', 0, 0]])
    const phone = await openPhone(board.links.participant)
    await phone.page.locator('.react-flow__node').first().waitFor()
    // the facilitator pauses the board (a facilitator's connection writes the room)
    clients[clients.length - 1]!.doc.getMap('room').set('frozen', true)
    const banner = phone.page.getByTestId('room-frozen')
    await banner.waitFor()
    /** The lines its words take: the distinct tops of the text's boxes. */
    const lines = () =>
      banner.evaluate((el) => {
        const range = document.createRange()
        range.selectNodeContents(el)
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size
      })
    // left at 50 %, it had half the screen: five lines over the middle of the tree
    expect(await lines()).toBeLessThanOrEqual(3)
    for (const name of ['Ingrandisci', 'Riduci', 'Mostra tutto'])
      expect(await onTop(phone.page.getByRole('button', { name, exact: true })), name).toBe(true)
    // «Porta tutti qui» while paused: the bar saying so above the banner, over neither
    const fede = clients[clients.length - 1]!
    fede.provider.awareness.setLocalStateField('user', { name: 'Fede', color: '#336699' })
    fede.doc.getMap('room').set('summon', { at: Date.now(), client: fede.doc.clientID })
    const bar = phone.page.locator('[data-testid=follow-bar][data-state=following]')
    await bar.waitFor()
    const [under, over] = await Promise.all([banner.boundingBox(), bar.boundingBox()])
    expect(over!.y + over!.height).toBeLessThanOrEqual(under!.y)
    expect(await onTop(bar.getByRole('button', { name: 'Smetti di seguire' }))).toBe(true)
    await screenshot(phone.page, 'phone-paused')
  })

  it("puts two dots with two quick taps on a card's «+●», without opening the card", async () => {
    const board = await boardWith([['core', 'Disoccupazione giovanile', 'core', 0, 0]])
    const facilitator = await suite.open(board.links.facilitator, 'Fede')
    const phone = await openPhone(board.links.participant)
    const panel = await facilitatorPanel(facilitator.page)
    await panel.getByRole('button', { name: 'Apri la votazione' }).click()
    const dot = phone.page.getByRole('button', {
      name: 'Metti un punto su «Disoccupazione giovanile»',
    })
    await doubleTap(phone.page, dot)
    await expect
      .poll(() => phone.page.getByTestId('vote-chip').textContent())
      .toMatch(/ti resta 1 punto su 3/)
    expect(await phone.page.locator('textarea.card-editor').count()).toBe(0)
    expect(await phone.page.getByTestId('vote-dots').getAttribute('data-mine')).toBe('2')
  })

  it('sees the revealed vote folded to a bar that opens, clear of the tree', async () => {
    const board = await boardWith(
      [
        ['core', 'Disoccupazione giovanile', 'core', 0, 0],
        ['c1', 'Pochi tirocini di qualità', 'cause', -130, 200],
        ['c2', 'Orientamento scolastico tardivo', 'cause', 130, 200],
      ],
      [
        ['c1', 'core'],
        ['c2', 'core'],
      ],
    )
    const facilitator = await suite.open(board.links.facilitator, 'Fede')
    const phone = await openPhone(board.links.participant)
    await expect.poll(() => phone.cards().count()).toBe(3)
    const panel = await facilitatorPanel(facilitator.page)
    await panel.getByRole('button', { name: 'Apri la votazione' }).click()
    // (never twice in a row on one card: that is a double tap)
    const dot = (card: string) =>
      phone.page.getByRole('button', { name: `Metti un punto su «${card}»` }).tap()
    await dot('Pochi tirocini di qualità')
    await dot('Orientamento scolastico tardivo')
    await dot('Pochi tirocini di qualità')
    await expect
      .poll(() => phone.page.getByTestId('vote-chip').textContent())
      .toMatch(/ti restano 0 punti su 3/)
    await panel.getByRole('button', { name: 'Mostra i risultati' }).click()

    // the results come folded: a bar that says what it is, over no part of the board
    const ranking = phone.page.getByTestId('vote-ranking')
    await ranking.waitFor()
    const fold = ranking.locator('.vote-ranking-fold')
    await expect.poll(() => fold.getAttribute('aria-expanded')).toBe('false')
    expect(await fold.getAttribute('aria-label')).toBe('Mostra la classifica')
    expect(await ranking.textContent()).toMatch(/Risultati/)
    await screenshot(phone.page, 'phone-vote-folded')
    const canvas = (await phone.page.locator('.react-flow').boundingBox())!
    const bar = (await ranking.boundingBox())!
    expect(bar.y + bar.height <= canvas.y || bar.y >= canvas.y + canvas.height).toBe(true)
    for (const card of await phone.cards().all()) expect(await onTop(card)).toBe(true)
    expect(await withinWidth(ranking)).toBe(true)

    // a tap opens the ranking, another folds it back
    await fold.tap()
    const first = phone.page.getByTestId('vote-ranking-item').first()
    await expect.poll(() => first.textContent()).toMatch(/1º.*Pochi tirocini di qualità.*2 punti/)
    await screenshot(phone.page, 'phone-vote-unfolded')
    expect(await fold.getAttribute('aria-label')).toBe('Riduci la classifica')
    await fold.tap()
    await expect.poll(() => phone.page.getByTestId('vote-ranking-item').count()).toBe(0)
  })

  it('keeps the card being written, and the details of the one selected, clear of the warnings', async () => {
    // early in the workshop: no core problem yet and cards linked to nothing, two warnings
    const board = await boardWith([
      ['c1', 'Pochi tirocini di qualità', 'cause', 0, 0],
      ['c2', 'Trasporti scarsi verso le zone industriali', 'cause', 240, 0],
      ['c3', 'Orientamento tardivo', 'cause', 0, 150],
      ['c4', 'Servizi frammentati', 'cause', 240, 150],
    ])
    const phone = await openPhone(board.links.participant)
    await expect.poll(() => phone.cards().count()).toBe(4)
    const warnings = phone.page.getByTestId('tree-warnings')
    await warnings.waitFor()
    /** Whether the boxes of `el` and of the warnings do not meet (or the warnings are hidden). */
    const clearOfWarnings = (el: Locator) =>
      el.evaluate((e) => {
        const w = document.querySelector('[data-testid=tree-warnings]')!.getBoundingClientRect()
        const r = e.getBoundingClientRect()
        return w.height === 0 || r.bottom <= w.top || r.top >= w.bottom
      })

    // the card written, then a cause of it added from the tools
    await doubleTap(phone.page, phone.card('Orientamento tardivo'))
    const editor = phone.page.locator('textarea.card-editor')
    await expect.poll(() => editor.evaluate((el) => el === document.activeElement)).toBe(true)
    await phone.page.keyboard.press('Enter')
    await phone.page.getByRole('button', { name: 'Altri strumenti' }).tap()
    await phone.page.getByRole('button', { name: 'Aggiungi causa' }).tap()
    await expect.poll(() => editor.evaluate((el) => el === document.activeElement)).toBe(true)
    const writing = phone.page.locator('.react-flow__node', { has: editor })
    await expect.poll(() => clearOfWarnings(writing)).toBe(true)
    await screenshot(phone.page, 'phone-new-cause-clear')
    await phone.page.keyboard.type('Insegnanti senza formazione')
    await phone.page.keyboard.press('Enter')

    // its details open over the lower half: none of them under the warnings, the card in sight
    const selected = phone.page.locator('.react-flow__node.selected')
    await selected.waitFor()
    await phone.page.getByRole('button', { name: 'Dettagli della carta ▸' }).tap()
    const details = phone.page.getByTestId('inspector')
    await details.waitFor()
    await expect.poll(() => onTop(selected)).toBe(true)
    await screenshot(phone.page, 'phone-details-open')
    // (those the sheet shows without scrolling)
    const sheet = (await details.boundingBox())!
    for (const field of await details.locator('input, textarea, select').all()) {
      const box = (await field.boundingBox())!
      if (box.y + box.height / 2 < sheet.y + sheet.height) expect(await onTop(field)).toBe(true)
    }
  })
})
