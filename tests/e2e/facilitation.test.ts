import { afterAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { newParticipant, screenshot } from '../helpers/browser.ts'
import { boardPage } from '../helpers/boardPage.ts'
import { facilitatorPanel } from '../helpers/facilitatorPanel.ts'
import { seededProblemBoard, type Client } from '../helpers/clients.ts'
import { browserSuite } from '../helpers/suite.ts'
import { createBoard } from '../helpers/server.ts'

const suite = browserSuite()
const clients: Client[] = []
afterAll(() => clients.forEach((c) => c.destroy()))

const FIVE_MINUTES = 5 * 60_000

/** A page whose clock runs `skewMs` ahead of everyone else's (Date.now only, as a laptop's). */
async function openSkewed(link: string, name: string, skewMs: number) {
  const { context, page } = await newParticipant(suite.browser, name)
  await context.addInitScript((skew) => {
    const real = Date.now.bind(Date)
    Date.now = () => real() + skew
  }, skewMs)
  const board = boardPage(page)
  await board.open(link)
  return board
}

/** Milliseconds left on the room's timer as each page shows it, read together. */
const remaining = (pages: Page[]) =>
  Promise.all(
    pages.map((p) =>
      p
        .locator('[data-testid=room-timer]')
        .evaluate((el) => Number((el as HTMLElement).dataset.remainingMs)),
    ),
  )
const spread = (values: number[]) => Math.max(...values) - Math.min(...values)

const seededBoard = (labels: string[]) => seededProblemBoard(suite.server.url, labels, clients)

/** A colour as the eye sees it on the header's white: `rgb(…)`/`rgba(…)` to [r, g, b]. */
const opaque = (css: string) => {
  const [r = 0, g = 0, b = 0, a = 1] = css.match(/[\d.]+/g)!.map(Number)
  return [r, g, b].map((c) => c * a + 255 * (1 - a))
}
/** WCAG's contrast ratio of two colours (1 to 21). */
const contrast = (a: number[], b: number[]) => {
  const lum = (rgb: number[]) => {
    const [r, g, b] = rgb.map((c) => {
      const v = c / 255
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
  }
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}
/** A button's fill and text colour, opaque. */
const colours = (button: Locator) =>
  button.evaluate((el) => {
    const style = getComputedStyle(el)
    return { fill: style.backgroundColor, text: style.color }
  })

describe('the facilitator runs the room', () => {
  it('the timer shows the same time on every screen, one clock 5 minutes off, through pause and resume', async () => {
    const board = await createBoard(suite.server.url, 'Patto Valle')
    const facilitator = await suite.open(board.links.facilitator, 'Fede')
    const anna = await suite.open(board.links.participant, 'Anna')
    const late = await openSkewed(board.links.participant, 'Bruno', FIVE_MINUTES)
    const projector = await suite.open(board.links.viewer, 'Proiettore')
    const pages = [facilitator, anna, late, projector].map((b) => b.page)
    // the skewed page's clock really is 5 minutes ahead
    const skew = (await late.page.evaluate(() => Date.now())) - Date.now()
    expect(Math.abs(skew - FIVE_MINUTES)).toBeLessThan(5_000)

    const panel = await facilitatorPanel(facilitator.page)
    await panel.getByTestId('timer-minutes').fill('10')
    await panel.getByRole('button', { name: 'Avvia' }).click()
    for (const p of pages) await p.locator('[data-testid=room-timer]').waitFor()
    await expect
      .poll(async () => spread(await remaining(pages)), { timeout: 10_000 })
      .toBeLessThan(1_000)
    const running = await remaining(pages)
    expect(Math.min(...running)).toBeGreaterThan(9 * 60_000)

    await panel.getByRole('button', { name: 'Pausa' }).click()
    for (const p of pages) await p.locator('.room-timer-paused').waitFor()
    const paused = await remaining(pages)
    expect(spread(paused)).toBe(0)
    // the projector reads it out as minutes and seconds, the seconds rounded up
    const seconds = Math.ceil(paused[3]! / 1000)
    const clock = `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`
    expect(await projector.page.getByTestId('room-timer').getAttribute('aria-label')).toBe(
      `Tempo rimasto: ${clock}`,
    )

    await panel.getByRole('button', { name: 'Riprendi' }).click()
    for (const p of pages) await p.locator('.room-timer:not(.room-timer-paused)').waitFor()
    await expect
      .poll(async () => spread(await remaining(pages)), { timeout: 10_000 })
      .toBeLessThan(1_000)
    expect(Math.max(...(await remaining(pages)))).toBeLessThanOrEqual(Math.max(...paused) + 1_000)

    // at zero every screen says so
    await panel.getByTestId('timer-minutes').fill('0.05')
    await panel.getByRole('button', { name: 'Avvia' }).click()
    for (const p of pages) await p.locator('.room-timer-done').waitFor({ timeout: 15_000 })
    expect(await late.page.locator('.room-timer-end').textContent()).toBe('Tempo scaduto')
  })

  it("on a 1366×768 laptop, with the clock and a vote on, the header keeps two rows, the tree's tools one, the facilitator's panel its title and «Chiudi» in sight", async () => {
    const board = await seededBoard(['Disoccupazione giovanile', 'Pochi tirocini'])
    const facilitator = await suite.open(board.links.facilitator, 'Fede')
    const anna = await suite.open(board.links.participant, 'Anna')
    await anna.page.setViewportSize({ width: 1366, height: 768 })
    const panel = await facilitatorPanel(facilitator.page)
    await panel.getByTestId('timer-minutes').fill('10')
    await panel.getByRole('button', { name: 'Avvia' }).click()
    const question = 'Quali cause affrontiamo per prime in questo patto territoriale di valle?'
    await panel.getByLabel('Domanda (facoltativa)').fill(question)
    await panel.getByRole('button', { name: 'Apri la votazione' }).click()
    await anna.page.getByTestId('vote-chip').waitFor()
    await anna.page.locator('[data-testid=room-timer]').waitFor()
    // the facilitator's panel, its header wrapped by the clock and the vote: its title and
    // «Chiudi» below the header and on screen, no button's words out of the button
    for (const size of [
      { width: 1366, height: 768 },
      { width: 1280, height: 800 },
    ]) {
      await facilitator.page.setViewportSize(size)
      await facilitator.page.getByTestId('vote-chip').waitFor()
      // scrolled down to the votes, as to open another
      await panel.evaluate((el) => el.scrollTo(0, el.scrollHeight))
      await screenshot(facilitator.page, `facilitator-panel-${size.width}`)
      await expect
        .poll(() =>
          panel.evaluate((el) => {
            const header = document.querySelector('.board-header')!.getBoundingClientRect()
            const uncovered = (part: Element) => {
              const b = part.getBoundingClientRect()
              const hit = document.elementFromPoint((b.left + b.right) / 2, (b.top + b.bottom) / 2)
              return (
                b.top >= header.bottom &&
                b.bottom <= window.innerHeight &&
                b.right <= window.innerWidth &&
                !!hit &&
                part.contains(hit)
              )
            }
            const overflowing = [...el.querySelectorAll('button')]
              .filter((b) => b.scrollWidth > b.clientWidth || b.scrollHeight > b.clientHeight)
              .map((b) => b.textContent)
            return {
              title: uncovered(el.querySelector('h2')!),
              close: uncovered(el.querySelector('.facilitation-panel-head button')!),
              overflowing,
            }
          }),
        )
        .toEqual({ title: true, close: true, overflowing: [] })
    }
    // «Esporta» under the wrapped header, on the laptop's whole screen and in its browser's
    // window (bars above): the list within the window, a fade while more lies below, the last
    // item, reached with End, wholly in sight and every item reached with ↓ clear of the fade
    await facilitator.page.locator('.facilitation-panel-head button').click()
    const list = facilitator.page.getByRole('menu')
    const menuSight = () =>
      list.evaluate((el) => {
        const box = el.getBoundingClientRect()
        const items = el.querySelectorAll('[role=menuitem]')
        const last = items[items.length - 1]!.getBoundingClientRect()
        const hit = document.elementFromPoint(
          last.left + last.width / 2,
          last.top + last.height / 2,
        )
        const scrolls = el.scrollHeight > el.clientHeight
        return {
          inWindow: box.bottom <= window.innerHeight,
          fade: !!el.querySelector('[data-testid=export-menu-more]'),
          scrolls,
          lastSeen:
            last.top >= box.top && last.bottom <= box.bottom && items[items.length - 1] === hit,
        }
      })
    for (const height of [768, 657]) {
      await facilitator.page.setViewportSize({ width: 1366, height })
      // the clock and the vote fold the header's tools behind «Altro» on this laptop
      await facilitator.page.locator('.header-more.folded').waitFor()
      if (!(await facilitator.page.getByTestId('export-menu').isVisible()))
        await facilitator.page.getByRole('button', { name: 'Altro' }).click()
      await facilitator.page.getByTestId('export-menu').click()
      await list.getByRole('menuitem').first().waitFor()
      const first = await menuSight()
      expect(first.inWindow).toBe(true)
      expect(first.fade).toBe(first.scrolls)
      // in the browser's window the list is longer than the room below the header
      if (height < 768) expect(first.scrolls).toBe(true)
      await screenshot(facilitator.page, `export-menu-1366x${height}`)
      await facilitator.page.keyboard.press('End')
      await expect.poll(menuSight).toMatchObject({ inWindow: true, fade: false, lastSeen: true })
      await facilitator.page.keyboard.press('Home')
      await expect.poll(menuSight).toMatchObject({ fade: first.scrolls })
      if (height < 768) {
        // ↓ down the list: every item reached wholly in sight, clear of the fade
        const count = await list.getByRole('menuitem').count()
        for (let i = 1; i < count; i++) {
          await facilitator.page.keyboard.press('ArrowDown')
          // (polled: the fade goes with the scroll's event, a frame after the key)
          await expect
            .poll(
              () =>
                list.evaluate((el) => {
                  const at = document.activeElement!.getBoundingClientRect()
                  const box = el.getBoundingClientRect()
                  const fade = el
                    .querySelector('[data-testid=export-menu-more]')
                    ?.getBoundingClientRect()
                  return at.top >= box.top && at.bottom <= (fade ? fade.top + 1 : box.bottom)
                }),
              { message: `item ${i}` },
            )
            .toBe(true)
        }
      }
      await facilitator.page.keyboard.press('Escape')
      await list.waitFor({ state: 'detached' })
    }
    // what is left to do stays whole; the question, cut, is whole in its tooltip
    expect(await anna.page.getByTestId('vote-chip').innerText()).toMatch(/ti restano 3 punti su 3/)
    expect(await anna.page.locator('.vote-question').getAttribute('title')).toBe(question)
    // how many rows the elements take: those whose middles fall within one another's height
    const rows = (selector: string, page = anna.page) =>
      page.evaluate((s) => {
        const boxes = [...document.querySelectorAll(s)].map((el) => el.getBoundingClientRect())
        const rowsOf: DOMRect[] = []
        for (const b of boxes) {
          const middle = (b.top + b.bottom) / 2
          if (!rowsOf.some((r) => middle >= r.top && middle <= r.bottom)) rowsOf.push(b)
        }
        return rowsOf.length
      }, selector)
    const header = () =>
      anna.page.locator('.board-header').evaluate((el) => el.getBoundingClientRect().height)
    await screenshot(anna.page, 'laptop-1366-vote')
    expect(await rows('.toolbar > :is(button, select, .tree-menu-anchor)')).toBe(1)
    // two rows of controls: title and phases, then the room's and the page's
    expect(await header()).toBeLessThan(110)
    // away from the tree voted on, the chip says where to go: still two rows
    await anna.page.getByRole('tab', { name: /Patto/ }).click()
    await anna.page.locator('.room-chip-go').waitFor()
    expect(await header()).toBeLessThan(110)
    await anna.page.getByRole('tab', { name: /Problemi/ }).click()
    // the facilitator's tools, with «Disponi albero», on one row at 1440 px too
    await facilitator.page.setViewportSize({ width: 1440, height: 900 })
    await screenshot(facilitator.page, 'facilitator-panel-1440')
    await facilitator.page.keyboard.press('Escape')
    await expect
      .poll(() => rows('.toolbar > :is(button, select, .tree-menu-anchor)', facilitator.page))
      .toBe(1)
  })

  it('the spotlight looks pressed while on, plain while off, and says so to a screen reader, in Italian and in English', async () => {
    const board = await createBoard(suite.server.url, 'Patto Valle')
    for (const [lang, name] of [
      ['it', 'Riflettore'],
      ['en', 'Spotlight'],
    ] as const) {
      const { page } = await suite.open(board.links.facilitator, 'Fede', lang)
      await page.setViewportSize({ width: 1440, height: 900 })
      const spotlight = page.getByRole('button', { name, exact: true })
      const bar = page.locator('.board-header')
      // on by default: the projector follows the facilitator's selection
      await expect.poll(() => spotlight.getAttribute('aria-pressed')).toBe('true')
      const on = await colours(spotlight)
      await bar.screenshot({ path: await screenshot(page, `spotlight-on-${lang}`) })
      await spotlight.click()
      await expect.poll(() => spotlight.getAttribute('aria-pressed')).toBe('false')
      // the pointer away, as the facilitator's eye comes back to the bar
      await page.mouse.move(700, 600)
      const off = await colours(spotlight)
      await bar.screenshot({ path: await screenshot(page, `spotlight-off-${lang}`) })
      console.log(`spotlight (${lang}) on:`, on, 'off:', off)
      // the two states apart at a glance (WCAG's 3:1 for a control's state), the word readable
      expect(contrast(opaque(on.fill), opaque(off.fill))).toBeGreaterThanOrEqual(3)
      expect(contrast(opaque(on.text), opaque(on.fill))).toBeGreaterThanOrEqual(4.5)
      expect(contrast(opaque(off.text), opaque(off.fill))).toBeGreaterThanOrEqual(4.5)
      // and back on
      await spotlight.click()
      await expect.poll(() => spotlight.getAttribute('aria-pressed')).toBe('true')
    }
  })

  it('a pause closes the card a participant is writing, on the words typed so far, for everyone', async () => {
    const board = await seededBoard(['Servizi per il lavoro lontani'])
    const facilitator = await suite.open(board.links.facilitator, 'Fede')
    const anna = await suite.open(board.links.participant, 'Anna')
    await anna.card('Servizi per il lavoro lontani').dblclick()
    const editor = anna.page.locator('textarea.card-editor')
    await editor.waitFor()
    await anna.page.keyboard.press('End')
    await anna.page.keyboard.type(' e poco conosciuti')
    const writing = facilitator.page.locator('.card-writer', { hasText: 'Anna sta scrivendo' })
    await writing.waitFor()
    await facilitator.card('Servizi per il lavoro lontani e poco conosciuti').waitFor()
    const panel = await facilitatorPanel(facilitator.page)
    await panel.getByRole('checkbox', { name: 'Metti in pausa la lavagna' }).check()
    await anna.page.getByTestId('room-frozen').waitFor()
    // her editor closes on what she typed: no field left open that takes keys going nowhere
    await expect.poll(() => editor.count()).toBe(0)
    await anna.card('Servizi per il lavoro lontani e poco conosciuti').waitFor()
    // and nobody is shown writing any more
    await expect.poll(() => writing.count()).toBe(0)
  })

  it("a frozen board refuses a participant's edit, and the page says so", async () => {
    const board = await seededBoard(['Disoccupazione giovanile'])
    const facilitator = await suite.open(board.links.facilitator, 'Fede')
    const { context, page } = await newParticipant(suite.browser, 'Anna')
    const anna = boardPage(page)
    await anna.open(board.links.participant)
    await anna.waitSaved()
    // Anna writes offline; meanwhile the facilitator pauses the board
    await context.setOffline(true)
    await anna.addCardAt(300, 600, 'Scritta offline')
    const panel = await facilitatorPanel(facilitator.page)
    await panel.getByRole('checkbox', { name: 'Metti in pausa la lavagna' }).check()
    await facilitator.page.getByTestId('room-frozen').waitFor()
    await context.setOffline(false)
    // the server refuses her change; the page tells her why and offers to retry or discard
    const refused = anna.page.getByTestId('room-refused')
    await refused.waitFor({ timeout: 15_000 })
    expect(await refused.textContent()).toMatch(/la lavagna è in pausa/)
    await anna.page.getByTestId('room-frozen').waitFor()
    // her card reached nobody
    await facilitator.addCardAt(700, 600, 'Del facilitatore')
    await expect.poll(() => facilitator.cards().count()).toBe(2)
    expect(await facilitator.card('Scritta offline').count()).toBe(0)

    // a participant who was online sees the pause and cannot write
    const bruno = await suite.open(board.links.participant, 'Bruno')
    await bruno.page.getByTestId('room-frozen').waitFor()
    expect(await bruno.page.getByTestId('room-frozen').textContent()).toMatch(
      /Puoi guardare, non modificare/,
    )
    await bruno.card('Del facilitatore').dblclick()
    await bruno.page.keyboard.type('x')
    expect(await bruno.page.locator('textarea.card-editor').count()).toBe(0)
    // the projector, which never edits, says the pause without telling the room what it may do
    const projector = await suite.open(board.links.viewer, 'Proiettore')
    await projector.page.getByTestId('room-frozen').waitFor()
    expect(await projector.page.getByTestId('room-frozen').textContent()).toBe(
      'Lavagna in pausa: il facilitatore ha fermato le modifiche.',
    )
  })

  it('changes refused during a pause go in by themselves once the facilitator resumes, and the page follows the room again', async () => {
    const board = await seededBoard(['Scuole chiuse'])
    const facilitator = await suite.open(board.links.facilitator, 'Fede')
    const { context, page } = await newParticipant(suite.browser, 'Anna')
    const anna = boardPage(page)
    await anna.open(board.links.participant)
    await anna.waitSaved()
    // the Wi-Fi drops (the browser says so); Anna writes; the facilitator pauses the board
    await context.setOffline(true)
    await page.evaluate(() => window.dispatchEvent(new Event('offline')))
    await anna.addCardAt(300, 600, 'Scritta senza rete')
    const panel = await facilitatorPanel(facilitator.page)
    const pause = panel.getByRole('checkbox', { name: 'Metti in pausa la lavagna' })
    await pause.check()
    await facilitator.page.getByTestId('room-frozen').waitFor()
    await context.setOffline(false)
    await page.evaluate(() => window.dispatchEvent(new Event('online')))
    const refused = page.getByTestId('room-refused')
    await refused.waitFor({ timeout: 15_000 })
    // not the Wi-Fi: the badge says the changes wait, the banner that they will go by themselves
    await page
      .locator('[data-testid=connection]', { hasText: 'Modifiche in attesa della riapertura' })
      .waitFor()
    expect(await refused.textContent()).toMatch(/Partono da sole quando il facilitatore la riapre/)

    // the facilitator resumes and writes: Anna's page catches up with no key pressed
    await pause.uncheck()
    await facilitator.page.getByTestId('room-frozen').waitFor({ state: 'detached' })
    await facilitator.addCardAt(700, 600, 'Dopo la pausa')
    await facilitator.card('Scritta senza rete').waitFor({ timeout: 15_000 })
    await anna.card('Dopo la pausa').waitFor({ timeout: 15_000 })
    await refused.waitFor({ state: 'detached', timeout: 15_000 })
    expect(await page.getByTestId('room-frozen').count()).toBe(0)
    await anna.waitSaved()
  })
})
