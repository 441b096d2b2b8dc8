import { afterAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { screenshot } from '../helpers/browser.ts'
import { seededProblemBoard, type Client } from '../helpers/clients.ts'
import { facilitatorPanel } from '../helpers/facilitatorPanel.ts'
import { browserSuite } from '../helpers/suite.ts'

const suite = browserSuite()
const clients: Client[] = []
afterAll(() => clients.forEach((c) => c.destroy()))

/** How the header's tools lie: on how many lines, folded behind «Altro» or not. */
const toolsLayout = (page: Page) =>
  page.evaluate(() => {
    const right = document.querySelector('.board-header .header-right')!
    const boxes: DOMRect[] = []
    const walk = (el: Element) => {
      for (const child of el.children) {
        const display = getComputedStyle(child).display
        if (display === 'contents') walk(child)
        else if (display !== 'none') boxes.push(child.getBoundingClientRect())
      }
    }
    walk(right)
    // lines: the boxes' middles, those within 4 px of the previous one on the same line
    const middles = boxes.map((b) => b.top + b.height / 2).sort((a, b) => a - b)
    const lines = middles.filter((m, i) => i === 0 || m - middles[i - 1]! > 4).length
    const history = [...document.querySelectorAll('.board-header button')].find(
      (b) => b.textContent?.trim() === 'Cronologia',
    )
    return {
      lines,
      folded: !!document.querySelector('.header-more.folded'),
      historyShown: !!history && history.getBoundingClientRect().width > 0,
    }
  })

/** Every tool in the header's one row; or the secondary ones behind «Altro», the row one line. */
const IN_ROW = { lines: 1, folded: false, historyShown: true }
const FOLDED = { lines: 1, folded: true, historyShown: false }

describe('the board header on a laptop', () => {
  it('folds the facilitator’s secondary tools behind «Altro» while a timer and a vote would take a third row, and unfolds them when there is room', async () => {
    const board = await seededProblemBoard(
      suite.server.url,
      ['Disoccupazione giovanile', 'Scarso orientamento'],
      clients,
      'Patto Territoriale Distretto di Lecco – inclusione lavorativa',
    )
    const facilitator = await suite.open(board.links.facilitator, 'Fede')
    const { page } = facilitator
    await page.setViewportSize({ width: 1440, height: 900 })
    await facilitator.card('Scarso orientamento').waitFor()
    // nothing running: every tool in the header's row
    await expect.poll(() => toolsLayout(page)).toEqual(IN_ROW)

    const panel = await facilitatorPanel(page)
    await panel.getByTestId('timer-minutes').fill('10')
    await panel.getByRole('button', { name: 'Avvia' }).click()
    await panel.getByTestId('vote-dots').fill('3')
    await panel.getByRole('button', { name: 'Apri la votazione' }).click()
    await panel.getByRole('button', { name: 'Chiudi', exact: true }).click()
    await page.getByTestId('room-timer').waitFor()
    // the timer and the vote's chip left no room: the tools fold, the row stays one line
    await expect.poll(() => toolsLayout(page)).toEqual(FOLDED)
    await screenshot(page, 'header-folded-1440')
    // «Altro» opens them under it; Escape closes them on «Altro»
    const more = page.getByRole('button', { name: 'Altro' })
    await more.click()
    await expect.poll(() => toolsLayout(page).then((l) => l.historyShown)).toBe(true)
    await screenshot(page, 'header-folded-open-1440')
    await page.keyboard.press('Escape')
    await expect.poll(() => toolsLayout(page).then((l) => l.historyShown)).toBe(false)
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent?.trim()))
      .toBe('Altro')

    // a wider screen holds them all again
    await page.setViewportSize({ width: 1920, height: 1080 })
    await expect.poll(() => toolsLayout(page)).toEqual(IN_ROW)
    // back on the laptop, the vote closed: room again
    await page.setViewportSize({ width: 1440, height: 900 })
    await expect.poll(() => toolsLayout(page).then((l) => l.folded)).toBe(true)
    const again = await facilitatorPanel(page)
    await again.getByRole('button', { name: 'Chiudi la votazione' }).click()
    await page.keyboard.press('Escape')
    await expect.poll(() => toolsLayout(page)).toEqual(IN_ROW)
  })

  it('underlines only the phase in view: a tab under the mouse is not shown as selected', async () => {
    const board = await seededProblemBoard(suite.server.url, ['Pochi tirocini'], clients)
    const pia = await suite.open(board.links.participant, 'Pia')
    await pia.card('Pochi tirocini').waitFor()
    // she looked at the stakeholders, then came back (as «Porta tutti qui» brings her): the mouse
    // stayed over the tab she left
    await pia.page.locator('#tab-stakeholders').click()
    await pia.page.locator('#tab-problems').click()
    await pia.page.locator('#tab-stakeholders').hover()
    const underlined = () =>
      pia.page.locator('.phase-tabs button').evaluateAll((tabs) => {
        const active = document.querySelector('.phase-tabs button.active')!
        const accent = getComputedStyle(active).borderBottomColor
        return tabs.filter((t) => getComputedStyle(t).borderBottomColor === accent).map((t) => t.id)
      })
    expect(await underlined()).toEqual(['tab-problems'])
  })
})
