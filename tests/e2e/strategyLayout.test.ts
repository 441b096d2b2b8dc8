import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import { putRecord } from '../../shared/schema/index.ts'
import {
  CLIENT_DIST,
  closeParticipants,
  launchBrowser,
  newParticipant,
  screenshot,
} from '../helpers/browser.ts'
import { boardPage } from '../helpers/boardPage.ts'
import { connectSynced, type Client } from '../helpers/clients.ts'
import { createBoard, startServer } from '../helpers/server.ts'
import { buildObjectiveTree, strategyPage } from '../helpers/strategyPage.ts'
import { facilitatorPanel } from '../helpers/facilitatorPanel.ts'

/**
 * These pages are measured as a laptop shows them, with the scrollbars that take room beside a
 * page that scrolls (Windows, most Linux desktops): headless Chromium hides them unless asked.
 */
let browser: Browser | undefined
let server: Awaited<ReturnType<typeof startServer>> | undefined
const clients: Client[] = []
beforeAll(async () => {
  server = await startServer({ staticDir: CLIENT_DIST })
  browser = await launchBrowser({ scrollbars: true })
})
afterEach(closeParticipants)
afterAll(async () => {
  for (const c of clients) c.destroy()
  await browser?.close()
  await server?.close()
})

const LAPTOP = { width: 1366, height: 768 }
const WIDE_LAPTOP = { width: 1440, height: 900 }

/** Strategies as a workshop names them: long, several lines each at a column's width. */
const CANDIDATES = [
  ['guidance', 'Rafforzamento della rete territoriale per l’orientamento e l’accompagnamento'],
  ['training', 'Percorsi di professionalizzazione co-progettati con le imprese del territorio'],
  ['desks', 'Sportelli di prossimità nei comuni montani e nelle frazioni'],
  ['courses', 'Tutoraggio individualizzato per i giovani NEET presi in carico dai servizi'],
  ['tutors', 'Borse lavoro e tirocini extracurricolari retribuiti'],
  ['mapping', 'Coinvolgimento delle famiglie e delle associazioni di quartiere'],
] as const

/** The element a click at the middle of `target` reaches is `target` or inside it. */
const onTop = (target: Locator) =>
  target.evaluate((el) => {
    const r = el.getBoundingClientRect()
    const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)
    return hit !== null && el.contains(hit)
  })

/** Where the scoring table sits against the box that scrolls it sideways. */
const tableFit = (page: Page) =>
  page.locator('.grid-scroll').evaluate((scroller) => {
    const range = (el: Element) => {
      const r = document.createRange()
      r.selectNodeContents(el)
      return r
    }
    const box = scroller.getBoundingClientRect()
    const columns = [...scroller.querySelectorAll('thead th.candidate-col')].map((th) => {
      const r = th.getBoundingClientRect()
      const label = th.querySelector('.candidate-col-label')!
      return {
        right: r.right,
        width: r.width,
        // the lines the name is laid out in: its text's boxes at distinct heights
        lines: new Set([...range(label).getClientRects()].map((line) => Math.round(line.top))).size,
      }
    })
    return {
      overflow: scroller.scrollWidth - scroller.clientWidth,
      right: box.right,
      viewport: document.documentElement.clientWidth,
      columns,
    }
  })

/**
 * The rows of the strategy view (the criteria's scores, the candidate strategies) whose part in
 * sight, inside the box that scrolls them, is under what sits at the screen's foot (the bar
 * saying whom one follows, the room's banners); and how many rows are in sight at all.
 */
const rowsUnderBar = (page: Page) =>
  page.evaluate(() => {
    const foot = [...document.querySelectorAll('.follow-bar, .room-banner')].map((el) =>
      el.getBoundingClientRect(),
    )
    const under: string[] = []
    let seen = 0
    const rows = '.strategy-view tbody tr, .strategy-view [data-testid=candidate]'
    for (const row of document.querySelectorAll(rows)) {
      const clip = row.closest('.strategy-main, .candidates')!.getBoundingClientRect()
      const r = row.getBoundingClientRect()
      const top = Math.max(r.top, clip.top)
      const bottom = Math.min(r.bottom, clip.bottom)
      const left = Math.max(r.left, clip.left)
      const right = Math.min(r.right, clip.right)
      if (top >= bottom || left >= right) continue
      seen++
      if (foot.some((b) => top < b.bottom && b.top < bottom && left < b.right && b.left < right))
        under.push(row.getAttribute('data-label') ?? row.querySelector('th')?.textContent ?? '')
    }
    return { under, seen }
  })

/** A board with an objective tree and the first `count` candidate strategies. */
async function strategyBoard(count: number) {
  const board = await createBoard(server!.url, 'Patto Val Brembana')
  const stock = await connectSynced(server!.url, board.id, board.keys.participant)
  clients.push(stock)
  buildObjectiveTree(stock.doc)
  for (const [objective, label] of CANDIDATES.slice(0, count))
    putRecord(stock.doc, 'strategy.candidates', `cand-${objective}`, {
      label,
      objectives: [objective],
    })
  return { board, stock }
}

describe('the strategy table and the lost-edit notice on a laptop', () => {
  it('four strategies with long Italian names fit a 1366 × 768 laptop; with six the table scrolls sideways under the criteria', async () => {
    const { board, stock } = await strategyBoard(4)

    for (const [link, name] of [
      [board.links.participant, 'Marta'],
      // the facilitator's criteria carry their tools (move, remove): a wider first column
      [board.links.facilitator, 'Fabio'],
    ] as const) {
      const { page } = await newParticipant(browser!, name, 'it', { viewport: LAPTOP })
      const strategy = strategyPage(page)
      await strategy.open(link)
      await expect.poll(() => page.locator('thead th.candidate-col').count()).toBe(4)
      const fit = await tableFit(page)
      // nothing to scroll sideways: every column, to the last, is on the screen
      expect(fit.overflow, name).toBeLessThanOrEqual(0)
      for (const column of fit.columns) {
        expect(column.right, name).toBeLessThanOrEqual(fit.right + 0.5)
        expect(column.right, name).toBeLessThanOrEqual(fit.viewport)
        // the names wrap within their column instead of widening it
        expect(column.width, name).toBeLessThanOrEqual(16 * 16)
        expect(column.lines, name).toBeGreaterThan(1)
      }
      // the last strategy's highest score (first criterion) can be given with a click where it is shown
      const five = page.locator('tbody td.score-cell').nth(3).locator('[data-score="5"]')
      expect(await onTop(five), name).toBe(true)
      if (name === 'Marta') {
        await five.click()
        await expect.poll(() => five.getAttribute('aria-checked')).toBe('true')
      }
      await page.context().close()
    }

    // six strategies do not fit: the table scrolls sideways, the criteria stay in view
    for (const [objective, label] of CANDIDATES.slice(4))
      putRecord(stock.doc, 'strategy.candidates', `cand-${objective}`, {
        label,
        objectives: [objective],
      })
    const { page } = await newParticipant(browser!, 'Marta', 'it', { viewport: LAPTOP })
    await strategyPage(page).open(board.links.participant)
    await expect.poll(() => page.locator('thead th.candidate-col').count()).toBe(6)
    expect((await tableFit(page)).overflow).toBeGreaterThan(0)
    await page.locator('.grid-scroll').evaluate((el) => el.scrollTo({ left: el.scrollWidth }))
    await expect
      .poll(() =>
        page
          .locator('.grid-scroll')
          .evaluate((el) => Math.ceil(el.scrollLeft + el.clientWidth) >= el.scrollWidth),
      )
      .toBe(true)
    const criterion = page.locator('[data-testid=criterion][data-label=Sociale]')
    const scroller = (await page.locator('.grid-scroll').boundingBox())!
    expect(Math.abs((await criterion.boundingBox())!.x - scroller.x)).toBeLessThanOrEqual(1)
    expect(await onTop(criterion.locator('.criterion-name'))).toBe(true)
  })

  it('at 1366 × 768 a participant brought to the strategy by «Porta tutti qui» sees its rows clear of the bar saying so, and of a pause’s banner under it', async () => {
    const { board } = await strategyBoard(4)
    const fabio = strategyPage(
      (await newParticipant(browser!, 'Fabio', 'it', { viewport: WIDE_LAPTOP })).page,
    )
    const marta = strategyPage(
      (await newParticipant(browser!, 'Marta', 'it', { viewport: LAPTOP })).page,
    )
    await fabio.open(board.links.facilitator)
    await marta.open(board.links.participant)
    await expect.poll(() => marta.page.locator('thead th.candidate-col').count()).toBe(4)
    await fabio.page.getByRole('button', { name: 'Porta tutti qui' }).click()
    const bar = marta.page.locator('[data-testid=follow-bar][data-state=following]')
    await bar.waitFor()
    // the bar covered the fifth criterion's scores: the page now ends above it
    await expect.poll(() => rowsUnderBar(marta.page)).toMatchObject({ under: [] })
    expect((await rowsUnderBar(marta.page)).seen).toBeGreaterThanOrEqual(6)
    const main = (await marta.page.locator('.strategy-main').boundingBox())!
    expect(main.y + main.height).toBeLessThanOrEqual((await bar.boundingBox())!.y)
    await screenshot(marta.page, 'strategy-following-laptop')
    // scrolled to its end, the last row too
    await marta.page
      .locator('.strategy-main')
      .evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
    await expect.poll(() => rowsUnderBar(marta.page)).toMatchObject({ under: [] })

    // the facilitator pauses the board: its banner at the foot, the bar above it, rows above both
    await marta.page.locator('.strategy-main').evaluate((el) => el.scrollTo({ top: 0 }))
    const panel = await facilitatorPanel(fabio.page)
    await panel.getByRole('checkbox', { name: 'Metti in pausa la lavagna' }).check()
    const banner = marta.page.getByTestId('room-frozen')
    await banner.waitFor()
    await expect.poll(() => rowsUnderBar(marta.page)).toMatchObject({ under: [] })
    expect((await rowsUnderBar(marta.page)).seen).toBeGreaterThanOrEqual(4)
    const pausedMain = (await marta.page.locator('.strategy-main').boundingBox())!
    expect(pausedMain.y + pausedMain.height).toBeLessThanOrEqual((await bar.boundingBox())!.y)
    // and without the bar (she stops following), above the banner alone
    await bar.getByRole('button', { name: 'Smetti di seguire' }).click()
    await bar.waitFor({ state: 'detached' })
    await expect
      .poll(async () => {
        const main = (await marta.page.locator('.strategy-main').boundingBox())!
        return main.y + main.height <= (await banner.boundingBox())!.y
      })
      .toBe(true)
    expect(await rowsUnderBar(marta.page)).toMatchObject({ under: [] })
  })

  for (const size of [LAPTOP, WIDE_LAPTOP])
    it(`at ${size.width} × ${size.height} the notice of a deleted text leaves «Segui…» and its menu in sight and in reach`, async () => {
      const board = await createBoard(server!.url, 'Patto Territoriale dell’Alto Milanese')
      const fabio = boardPage((await newParticipant(browser!, 'Fabio')).page)
      const marco = boardPage(
        (await newParticipant(browser!, 'Marco', 'it', { viewport: size })).page,
      )
      await fabio.open(board.links.facilitator)
      await marco.open(board.links.participant)
      await fabio.addCardAt(500, 400, 'Crisi demografica')
      await marco.card('Crisi demografica').dblclick()
      const editor = marco.page.locator('textarea.card-editor')
      await expect.poll(() => editor.evaluate((el) => el === document.activeElement)).toBe(true)
      await marco.page.keyboard.press('End')
      await marco.page.keyboard.type(' nei paesi')
      await fabio.card('Crisi demografica nei paesi').waitFor()
      // the facilitator deletes the card Marco is writing in: his words wait in the notice
      await fabio.card('Crisi demografica nei paesi').click()
      await fabio.page.keyboard.press('Delete')
      const notice = marco.page.getByRole('alertdialog')
      await notice.waitFor()

      const follow = marco.page.getByRole('button', { name: 'Segui…' })
      const a = (await follow.boundingBox())!
      const b = (await notice.boundingBox())!
      const overlap =
        a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
      expect(overlap).toBe(false)
      expect(b.y + b.height).toBeLessThanOrEqual(size.height)
      expect(await onTop(follow)).toBe(true)
      for (const button of await notice.getByRole('button').all())
        expect(await onTop(button)).toBe(true)

      // the menu opens over the notice, and following Fabio works while the notice is up
      await follow.click()
      const item = marco.page.getByRole('button', { name: 'Segui Fabio' })
      await item.waitFor()
      expect(await onTop(item)).toBe(true)
      await item.click()
      await marco.page.locator('[data-testid=follow-bar][data-state=following]').waitFor()
      // the words are still there, and so is the way to put them back
      expect(await notice.getByRole('textbox').inputValue()).toBe('Crisi demografica nei paesi')
      expect(await onTop(notice.getByRole('button', { name: 'Ripristina con il mio testo' }))).toBe(
        true,
      )
    })
})
