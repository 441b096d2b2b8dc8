import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { newParticipant, screenshot } from '../helpers/browser.ts'
import { browserSuite } from '../helpers/suite.ts'
import { importWithLinks, pactPage, workshopBoard } from '../helpers/pactPage.ts'
import { PHONE } from '../helpers/phonePages.ts'

const suite = browserSuite()

/** The id of the commitment row at the top of the pact's scrolling body (its first one in view). */
const rowAtTop = (page: Page) =>
  page.locator('.pact-body').evaluate((body) => {
    const top = body.getBoundingClientRect().top
    for (const row of body.querySelectorAll('tr[data-commitment-id]'))
      if (row.getBoundingClientRect().bottom > top + 1)
        return row.getAttribute('data-commitment-id')
    return null
  })
const scrolled = (page: Page) => page.locator('.pact-body').evaluate((body) => body.scrollTop)

describe('a long pact view on the projector', () => {
  it('shows the rows the facilitator reads as they scroll down the commitments, and back up', async () => {
    const board = workshopBoard('Patto Alto Sebino')
    const actors = ['a1', 'a2', 'a3']
    board.pact.commitments = Array.from({ length: 30 }, (_, i) => ({
      id: `c${i + 1}`,
      actor: actors[i % 3],
      type: 'staff-hours',
      what: `Impegno numero ${i + 1}: ore di orientamento per i tirocinanti del territorio`,
      amount: 10 + i,
      unit: 'ore',
      status: 'proposed',
      order: i,
    }))
    const links = await importWithLinks(suite, board)
    const facilitator = pactPage((await suite.open(links.links.facilitator, 'Facilitatrice')).page)
    await facilitator.page.setViewportSize({ width: 1440, height: 900 })
    const projector = pactPage((await suite.open(links.links.viewer, 'Proiettore')).page)
    await projector.page.setViewportSize({ width: 1920, height: 1080 })
    // a participant follows the facilitator too
    const bruno = pactPage((await suite.open(links.links.participant, 'Bruno')).page)
    await bruno.page.setViewportSize({ width: 1366, height: 768 })
    await bruno.page.getByRole('button', { name: 'Segui…' }).click()
    await bruno.page.getByRole('button', { name: 'Segui Facilitatrice' }).click()
    await bruno.page.locator('[data-testid=follow-bar][data-state=following]').waitFor()

    await facilitator.openView('commitments')
    await expect.poll(() => facilitator.rows().count()).toBe(30)
    // the projector follows the room to the ledger, at its top
    await expect.poll(() => projector.rows().count()).toBe(30)
    expect(await scrolled(projector.page)).toBe(0)

    // the facilitator reads further down, with the wheel
    const box = (await facilitator.page.locator('.pact-body').boundingBox())!
    await facilitator.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await facilitator.page.mouse.wheel(0, 1400)
    await expect.poll(() => scrolled(facilitator.page)).toBeGreaterThan(1000)
    await expect.poll(() => rowAtTop(facilitator.page)).not.toBe('c1')
    const reading = await rowAtTop(facilitator.page)
    // the projector's screen is larger, its type too: it shows the same row at its top
    await expect.poll(() => rowAtTop(projector.page), { timeout: 10_000 }).toBe(reading)
    await expect.poll(() => rowAtTop(bruno.page), { timeout: 10_000 }).toBe(reading)
    await screenshot(projector.page, 'pact-commitments-projector-followed')

    // Bruno scrolls on his own (once his page has glided there): the facilitator's scrolling
    // no longer moves it
    let last = -1
    await expect
      .poll(async () => {
        const now = await scrolled(bruno.page)
        const still = now === last
        last = now
        return still
      })
      .toBe(true)
    const own = (await bruno.page.locator('.pact-body').boundingBox())!
    await bruno.page.mouse.move(own.x + own.width / 2, own.y + own.height / 2)
    await bruno.page.mouse.wheel(0, 600)
    await expect.poll(() => rowAtTop(bruno.page)).not.toBe(reading)
    const brunoReads = await rowAtTop(bruno.page)

    // and back up to the top of the view
    await facilitator.page.mouse.wheel(0, -5000)
    await expect.poll(() => scrolled(facilitator.page)).toBe(0)
    await expect.poll(() => scrolled(projector.page), { timeout: 10_000 }).toBeLessThan(2)
    expect(await rowAtTop(bruno.page)).toBe(brunoReads)
  })

  it('names on the projector who is writing the vision', async () => {
    const links = await importWithLinks(suite, workshopBoard('Patto Val Cavallina'))
    const facilitator = pactPage((await suite.open(links.links.facilitator, 'Facilitatrice')).page)
    const projector = pactPage((await suite.open(links.links.viewer, 'Proiettore')).page)
    const alice = pactPage((await suite.open(links.links.participant, 'Alice')).page)
    await facilitator.openView('vision')
    await alice.openView('vision')
    await projector.page.locator('[data-testid=pact-vision]').waitFor()
    await alice.page.locator('textarea[data-field=vision]').click()
    await alice.page.keyboard.type('Lavoro per chi è ai margini')
    await expect
      .poll(() => projector.page.locator('.being-written .field-writer').allInnerTexts())
      .toEqual(['Alice sta scrivendo'])
    // her colour goes round the room's text with air, not on its first letters
    const air = await projector.page.locator('.being-written').evaluate((el) => {
      const line =
        el.getBoundingClientRect().left - Number.parseFloat(getComputedStyle(el).outlineOffset)
      return el.querySelector('.text-readonly')!.getBoundingClientRect().left - line
    })
    expect(air).toBeGreaterThanOrEqual(6)
    await screenshot(projector.page, 'pact-vision-projector-writing')

    // two writers with long names, seen from a phone: the label stays on the field, cut at «…»
    // (the room is on the pact: the pages open there)
    const { page: phone } = await newParticipant(suite.browser, 'Marta', 'it', PHONE)
    await phone.goto(links.links.participant)
    await phone.locator('#pact-tab-vision[aria-selected=true]').waitFor()
    const long = 'Luca — Cooperativa Sociale Il Sentiero'
    const { page: luca } = await newParticipant(suite.browser, long)
    await luca.goto(links.links.participant)
    await luca.locator('textarea[data-field=vision]').click()
    await luca.keyboard.type(' e per chi')
    const label = phone.locator('.being-written .field-writer')
    await expect.poll(() => label.innerText()).toContain('stanno scrivendo')
    const field = (await phone.locator('.being-written').boundingBox())!
    const box = (await label.boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(field.x)
    expect(box.x + box.width).toBeLessThanOrEqual(field.x + field.width)

    // Alice ends her text with Enter: the keyboard goes on to the territory, where the room is
    // not told she writes until she types (it said so for 20 s)
    await alice.page.keyboard.press('Enter')
    await alice.page.locator('[data-field=territory]:focus').waitFor()
    await expect
      .poll(() => projector.page.locator('.being-written .field-writer').allInnerTexts())
      .toEqual([`${long} sta scrivendo`])
    await alice.page.keyboard.type('Val')
    await expect.poll(() => projector.page.locator('.being-written').count()).toBe(2)
  })
})
