import { afterAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { canvasRoots } from '../../shared/schema/index.ts'
import { connectSynced, seededProblemBoard, type Client } from '../helpers/clients.ts'
import { browserSuite } from '../helpers/suite.ts'
import { createBoard } from '../helpers/server.ts'
import { seedActors } from '../helpers/stakeholdersPage.ts'
import { importWithLinks, pactPage, workshopBoard } from '../helpers/pactPage.ts'
import { objectivesPage } from '../helpers/objectivesPage.ts'

const suite = browserSuite()
const clients: Client[] = []
afterAll(() => clients.forEach((c) => c.destroy()))

/** A board whose problem tree has these cards, the first the core problem. */
const seededBoard = (labels: string[]) => seededProblemBoard(suite.server.url, labels, clients)

/**
 * What has the keyboard's focus, in words a test can compare: its test id, else its name or
 * text; a card, `card` and its id; `body` when the focus was lost to the page.
 */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return 'body'
    if (el.classList.contains('react-flow__node')) return `card ${el.dataset.id}`
    return (
      el.dataset.testid ??
      el.getAttribute('aria-label') ??
      el.textContent?.trim() ??
      el.tagName.toLowerCase()
    )
  })

describe('a participant who works with the keyboard alone', () => {
  it('gives their name in a dialog that Tab and Shift+Tab never leave', async () => {
    const board = await createBoard(suite.server.url, 'Patto Valle')
    // a browser that never gave a name here: the board asks for one
    const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 } })
    try {
      const page = await context.newPage()
      await page.goto(board.links.participant)
      const input = page.locator('#name-input')
      await input.waitFor()
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('name-input')
      await page.keyboard.press('Tab')
      expect(await focused(page)).toBe('Entra nella lavagna')
      // past the dialog's last control, Tab goes round to its first, not to the board behind
      await page.keyboard.press('Tab')
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('name-input')
      await page.keyboard.press('Shift+Tab')
      expect(await focused(page)).toBe('Entra nella lavagna')
      await page.keyboard.press('Shift+Tab')
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('name-input')
      await page.keyboard.type('Anna')
      await page.keyboard.press('Enter')
      await page.getByRole('dialog').waitFor({ state: 'detached' })
    } finally {
      await context.close()
    }
  }, 60_000)

  it('opens «Esporta», walks its items with the arrows, picks one and keeps the focus on «Esporta»', async () => {
    const board = await createBoard(suite.server.url, 'Patto Valle')
    const { page } = await suite.open(board.links.participant, 'Anna')
    const menu = page.getByTestId('export-menu')
    await menu.focus()

    // the menu takes the keyboard as it opens, and the arrows move along its items
    await page.keyboard.press('Enter')
    await expect.poll(() => focused(page)).toBe('export-problems-png')
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => focused(page)).toBe('export-problems-svg')
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('ArrowUp')
    // from the first item, ↑ goes round to the last: the whole board as JSON
    await expect.poll(() => focused(page)).toBe('export-json')

    // Escape closes it and gives the focus back to the button that opened it
    await page.keyboard.press('Escape')
    await page.getByRole('menu').waitFor({ state: 'detached' })
    expect(await focused(page)).toBe('export-menu')

    // an export picked with Enter downloads, and the focus stays on «Esporta», not the page
    await page.keyboard.press('Enter')
    await expect.poll(() => focused(page)).toBe('export-problems-png')
    const downloading = page.waitForEvent('download')
    await page.keyboard.press('Enter')
    expect(await focused(page)).toBe('export-menu')
    expect((await downloading).suggestedFilename()).toMatch(/\.png$/)
    await expect.poll(() => menu.getAttribute('aria-busy')).toBe('false')
    expect(await focused(page)).toBe('export-menu')
  }, 60_000)

  it('places all their dots on a card and takes them back, the focus staying on the card’s dots', async () => {
    const board = await seededBoard(['Pochi tirocini', 'Scarso orientamento'])
    const facilitator = await suite.open(board.links.facilitator, 'Fede')
    await facilitator.page.getByTestId('facilitation-open').click()
    await facilitator.page.getByTestId('vote-dots').fill('2')
    await facilitator.page.getByRole('button', { name: 'Apri la votazione' }).click()

    const anna = await suite.open(board.links.participant, 'Anna')
    const dots = anna.card('Pochi tirocini').getByTestId('vote-dots')
    const add = 'Metti un punto su «Pochi tirocini»'
    const remove = 'Togli un punto da «Pochi tirocini»'
    await anna.page.getByRole('button', { name: add }).focus()
    await anna.page.keyboard.press('Enter')
    await expect.poll(() => dots.getAttribute('data-mine')).toBe('1')
    expect(await focused(anna.page)).toBe(add)
    // the last dot: «+●» can do no more, and the focus moves to «−» beside it
    await anna.page.keyboard.press('Enter')
    await expect.poll(() => dots.getAttribute('data-mine')).toBe('2')
    await expect.poll(() => focused(anna.page)).toBe(remove)
    await anna.page.keyboard.press('Enter')
    await expect.poll(() => dots.getAttribute('data-mine')).toBe('1')
    expect(await focused(anna.page)).toBe(remove)
    // the last dot taken back: «−» goes, and the focus moves to «+●»
    await anna.page.keyboard.press('Enter')
    await expect.poll(() => dots.getAttribute('data-mine')).toBe('0')
    await expect.poll(() => focused(anna.page)).toBe(add)
  }, 60_000)

  it('goes from a chosen card of the problem tree to its tools with T, and back with Escape', async () => {
    const board = await seededBoard(['Pochi tirocini', 'Scarso orientamento', 'Poca rete'])
    const { page } = await suite.open(board.links.participant, 'Anna')
    const card = page.locator('.react-flow__node[data-id=p1]')
    await card.waitFor()
    await card.focus()
    // chosen, Tab from the card adds a cause to it, and the tools come after every card
    await page.keyboard.press('Space')
    await expect.poll(() => card.evaluate((el) => el.classList.contains('selected'))).toBe(true)
    expect(await page.locator('.toolbar-keys').textContent()).toContain('T strumenti')
    await page.keyboard.press('t')
    await expect.poll(() => focused(page)).toBe('+ Aggiungi problema')
    for (const tool of ['↓ Aggiungi causa', '↑ Aggiungi effetto', 'Ruolo della carta']) {
      await page.keyboard.press('Tab')
      expect(await focused(page)).toBe(tool)
    }
    await page.keyboard.press('Escape')
    await expect.poll(() => focused(page)).toBe('card p1')
    expect(await card.evaluate((el) => el.classList.contains('selected'))).toBe(true)
    expect(await page.locator('.react-flow__node').count()).toBe(3)
  }, 60_000)

  it('goes from a chosen objective to the objective tree’s tools with T, and back with Escape', async () => {
    const board = await seededBoard(['Pochi tirocini', 'Scarso orientamento'])
    const { page } = await suite.open(board.links.participant, 'Anna')
    const tree = objectivesPage(page)
    await tree.openPhase()
    await tree.generate()
    const card = tree.card('tirocini')
    await card.waitFor()
    const id = await card.getAttribute('data-id')
    await card.focus()
    await page.keyboard.press('Space')
    await expect.poll(() => card.evaluate((el) => el.classList.contains('selected'))).toBe(true)
    expect(await page.locator('.objective-canvas .toolbar-keys').textContent()).toContain(
      'T strumenti',
    )
    await page.keyboard.press('t')
    await expect.poll(() => focused(page)).toBe('⇅ Genera albero degli obiettivi')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('+ Aggiungi obiettivo')
    await page.keyboard.press('Escape')
    await expect.poll(() => focused(page)).toBe(`card ${id}`)
    expect(await card.evaluate((el) => el.classList.contains('selected'))).toBe(true)
  }, 60_000)

  it('opens «Cronologia» into its panel, and closing it with Escape or × is back on «Cronologia»', async () => {
    const board = await createBoard(suite.server.url, 'Patto Valle')
    const { page } = await suite.open(board.links.participant, 'Anna')
    const opener = 'Apri la cronologia: versioni, attività e cestino'
    await page.getByRole('button', { name: opener }).focus()
    // the panel sits at the page's end: the focus goes into it as it opens, on its view
    await page.keyboard.press('Enter')
    const panel = page.getByRole('dialog', { name: 'Cronologia della lavagna' })
    await panel.waitFor()
    await expect.poll(() => focused(page)).toBe('Versioni')
    await page.keyboard.press('Escape')
    await panel.waitFor({ state: 'detached' })
    expect(await focused(page)).toBe(opener)

    await page.keyboard.press('Enter')
    await expect.poll(() => focused(page)).toBe('Versioni')
    await page.keyboard.press('Shift+Tab')
    expect(await focused(page)).toBe('Chiudi la cronologia')
    await page.keyboard.press('Enter')
    await panel.waitFor({ state: 'detached' })
    expect(await focused(page)).toBe(opener)
  }, 60_000)

  it('links two actors of the map with «Collega a…», choosing the relation’s kind, and keeps the focus there', async () => {
    const board = await createBoard(suite.server.url, 'Patto Valle')
    const seeder = await connectSynced(suite.server.url, board.id, board.keys.facilitator)
    clients.push(seeder)
    seedActors(seeder.doc)
    const { page } = await suite.open(board.links.participant, 'Anna')
    await page.locator('#tab-stakeholders').focus()
    await page.keyboard.press('Enter')
    await page.getByRole('tab', { name: 'Mappa delle relazioni' }).focus()
    await page.keyboard.press('Enter')
    const actor = page.locator('.map-canvas .react-flow__node[data-id=actor-0]')
    await actor.waitFor()

    // the actor reached with Tab is selected with Space, and «Collega a…» is a few Tabs on
    await actor.focus()
    await page.keyboard.press('Space')
    await page.getByTestId('actor-editor').waitFor()
    await actor.focus()
    const link = page.getByRole('button', { name: 'Collega a…' })
    await link.waitFor()
    for (let i = 0; i < 12 && (await focused(page)) !== 'Collega a…'; i++)
      await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('Collega a…')

    // Enter opens it on the kinds (→ picks «Conflitto»), the search narrows the actors, Enter links
    await page.keyboard.press('Enter')
    const hasFocus = (name: string) =>
      page.getByRole('radio', { name }).evaluate((el) => el === document.activeElement)
    await expect.poll(() => hasFocus('Cooperazione')).toBe(true)
    await page.keyboard.press('ArrowRight')
    expect(await hasFocus('Conflitto')).toBe(true)
    await page.keyboard.press('Tab')
    await expect.poll(() => focused(page)).toBe('Cerca un attore')
    await page.keyboard.type('Confind')
    await page.keyboard.press('ArrowDown')
    expect(await focused(page)).toBe('Confindustria Bergamo')
    await page.keyboard.press('Enter')
    const { edges } = canvasRoots(seeder.doc, 'stakeholders')
    await expect
      .poll(() =>
        [...edges.values()].map((e) => `${e.get('source')} ${e.get('kind')} ${e.get('target')}`),
      )
      .toEqual(['actor-0 conflict actor-2'])
    await expect.poll(() => page.locator('.map-canvas .react-flow__edge').count()).toBe(1)
    // the menu closed, and the focus is back on «Collega a…» for the next relation
    await page.getByRole('menu').waitFor({ state: 'detached' })
    expect(await focused(page)).toBe('Collega a…')
  }, 60_000)
})

describe('a participant who closes, deletes or gives up by keyboard', () => {
  it('is back on the actor’s card after its sheet is closed (× or Escape), and on the next one after a deletion', async () => {
    const board = await createBoard(suite.server.url, 'Patto Valle')
    const seeder = await connectSynced(suite.server.url, board.id, board.keys.facilitator)
    clients.push(seeder)
    seedActors(seeder.doc)
    const { page } = await suite.open(board.links.participant, 'Anna')
    await page.locator('#tab-stakeholders').click()
    const cards = page.locator('.grid-canvas .react-flow__node[tabindex]')
    await expect.poll(() => cards.count()).toBe(4)
    const card = (id: string) => page.locator(`.grid-canvas .react-flow__node[data-id=${id}]`)
    const sheet = page.getByTestId('actor-editor')
    const open = async (id: string) => {
      await card(id).focus()
      await page.keyboard.press('Space')
      await sheet.waitFor()
    }
    // «Chiudi scheda»: the focus goes back to the card whose sheet it was
    await open('actor-1')
    const close = page.getByRole('button', { name: 'Chiudi scheda' })
    await close.focus()
    await page.keyboard.press('Enter')
    await sheet.waitFor({ state: 'detached' })
    await expect.poll(() => focused(page)).toBe('card actor-1')
    // Escape closes it from its «Chiudi scheda» or from inside it, and so too
    await open('actor-1')
    await close.focus()
    await page.keyboard.press('Escape')
    await sheet.waitFor({ state: 'detached' })
    await expect.poll(() => focused(page)).toBe('card actor-1')
    await open('actor-1')
    await sheet.locator('[data-field=stance] [role=radio]').first().focus()
    await page.keyboard.press('Escape')
    await sheet.waitFor({ state: 'detached' })
    await expect.poll(() => focused(page)).toBe('card actor-1')
    // Enter, Escape in a text: the keyboard stays on it, not on the page's body; Escape again,
    // nothing typed since, closes the sheet
    await open('actor-1')
    await sheet.locator('#actor-label').focus()
    await page.keyboard.type(' Sud')
    await page.keyboard.press('Enter')
    await expect.poll(() => focused(page)).toBe('Nome')
    await page.keyboard.type(' Est')
    await page.keyboard.press('Escape')
    await expect.poll(() => focused(page)).toBe('Nome')
    expect(await sheet.locator('#actor-label').inputValue()).toMatch(/ Sud$/)
    await page.keyboard.press('Escape')
    await sheet.waitFor({ state: 'detached' })
    await expect.poll(() => focused(page)).toBe('card actor-1')

    // «Elimina attore», and Delete on a card: the focus goes to another actor’s card
    await open('actor-1')
    await page.getByRole('button', { name: 'Elimina attore' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => cards.count()).toBe(3)
    await expect.poll(() => focused(page)).toMatch(/^card actor-[023]$/)
    await card('actor-2').focus()
    await page.keyboard.press('Space')
    await sheet.waitFor()
    await page.keyboard.press('Delete')
    await expect.poll(() => cards.count()).toBe(2)
    await expect.poll(() => focused(page)).toMatch(/^card actor-[03]$/)

    // a new actor given up with Escape in its name: back on the button that made it
    const add = 'Aggiungi un attore: Sistema Pubblico'
    await page.getByRole('button', { name: add }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('actor-label')
    await expect.poll(() => cards.count()).toBe(3)
    await page.keyboard.press('Escape')
    await expect.poll(() => cards.count()).toBe(2)
    await sheet.waitFor({ state: 'detached' })
    await expect.poll(() => focused(page)).toBe(add)
  }, 60_000)

  it('keeps the focus on the pact’s rules and commitments as they are written and deleted', async () => {
    const board = await importWithLinks(suite, workshopBoard('Patto Val Seriana'))
    const pact = pactPage((await suite.open(board.links.participant, 'Alice')).page)
    const { page } = pact
    await pact.openView('governance')
    const rules = page.locator('.gov-rule-list li')
    // Enter in the last rule's text: no field follows, and the text keeps the focus
    for (const [n, text] of ['Ci si vede ogni mese', 'Si decide a maggioranza'].entries()) {
      await page.getByRole('button', { name: '+ Regola' }).click()
      await expect.poll(() => focused(page)).toBe(`Regola ${n + 1}`)
      await page.keyboard.type(text)
      await page.keyboard.press('Enter')
      await expect.poll(() => focused(page)).toBe(`Regola ${n + 1}`)
      // Escape gives up what is typed next, and the text keeps the focus too
      await page.keyboard.type(' o quasi')
      await page.keyboard.press('Escape')
      await expect.poll(() => focused(page)).toBe(`Regola ${n + 1}`)
      expect(await rules.nth(n).locator('textarea').inputValue()).toBe(text)
    }
    // «Elimina la regola 1»: the next rule (now the first) has the focus on its ✕; the last
    // one gone, «+ Regola» has it
    await page.getByRole('button', { name: 'Elimina la regola 1' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => rules.count()).toBe(1)
    await expect.poll(() => focused(page)).toBe('Elimina la regola 1')
    await page.keyboard.press('Enter')
    await expect.poll(() => rules.count()).toBe(0)
    await expect.poll(() => focused(page)).toBe('+ Regola')

    // «Elimina l’impegno · …»: the next commitment's ✕, then «+ Nuovo impegno di…»
    await pact.openView('commitments')
    await pact.commit('Comune di Clusone', '10', 'ore')
    await pact.commit('Impresa Rossi', '200', 'euro')
    await page.getByRole('button', { name: 'Elimina l’impegno · Comune di Clusone' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => pact.rows().count()).toBe(1)
    await expect.poll(() => focused(page)).toBe('Elimina l’impegno · Impresa Rossi')
    await page.keyboard.press('Enter')
    await expect.poll(() => pact.rows().count()).toBe(0)
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('ledger-add')))
      .toBe(true)
  }, 60_000)
})

describe('a facilitator who works with the keyboard alone', () => {
  it('starts the timer from «Conduzione» and, closing it with Escape or «Chiudi», is back on «Conduzione»', async () => {
    const board = await createBoard(suite.server.url, 'Patto Valle')
    const { page } = await suite.open(board.links.facilitator, 'Fede')
    await page.getByTestId('facilitation-open').focus()
    await page.keyboard.press('Enter')
    const panel = page.locator('#facilitation-panel')
    await panel.waitFor()

    // into the panel: «Chiudi», the minutes, «Avvia»
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await expect.poll(() => focused(page)).toBe('timer-minutes')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await page.locator('[data-testid=room-timer]').waitFor()

    await page.keyboard.press('Escape')
    await panel.waitFor({ state: 'detached' })
    expect(await focused(page)).toBe('facilitation-open')

    await page.keyboard.press('Enter')
    await panel.waitFor()
    await page.keyboard.press('Tab')
    await expect.poll(() => focused(page)).toBe('Chiudi')
    await page.keyboard.press('Enter')
    await panel.waitFor({ state: 'detached' })
    expect(await focused(page)).toBe('facilitation-open')
  }, 60_000)
})
