import { browserSuite } from '../helpers/suite.ts'
import { afterAll, describe, expect, it } from 'vitest'
import { canvasRoots, putCard, textValue } from '../../shared/schema/index.ts'
import { newParticipant, screenshot } from '../helpers/browser.ts'
import { boardPage } from '../helpers/boardPage.ts'
import { connectSynced, type Client } from '../helpers/clients.ts'
import { createBoard } from '../helpers/server.ts'
import { waitFor } from '../helpers/wait.ts'

const suite = browserSuite()

const clients: Client[] = []

afterAll(async () => {
  for (const c of clients) c.destroy()
})

describe('the problem tree in the browser', () => {
  it('two participants see each other create, edit, move and delete cards', async () => {
    const board = await createBoard(suite.server.url, 'Patto Bergamo Est')
    const alice = boardPage((await newParticipant(suite.browser, 'Alice')).page)
    const bob = boardPage((await newParticipant(suite.browser, 'Bruno')).page)
    await alice.open(board.links.facilitator)
    await bob.open(board.links.participant)
    await alice.waitSaved()
    await bob.waitSaved()
    await expect
      .poll(() => alice.page.locator('[data-testid=board-title]').textContent())
      .toBe('Patto Bergamo Est')

    await alice.addCardAt(640, 300, 'Disoccupazione giovanile')
    await bob.card('Disoccupazione giovanile').waitFor()
    await expect
      .poll(() => bob.card('Disoccupazione giovanile').locator('.card-role').textContent())
      .toBe('Problema centrale')

    await bob.addCardAt(400, 600, 'Scarso orientamento')
    await alice.card('Scarso orientamento').waitFor()

    await bob.editCard('Disoccupazione giovanile', 'Alta disoccupazione dei NEET')
    await alice.card('Alta disoccupazione dei NEET').waitFor()

    const before = await alice.cardPosition('Scarso orientamento')
    await bob.dragCard('Scarso orientamento', 150, 40)
    await expect
      .poll(async () => (await alice.cardPosition('Scarso orientamento')).x, { timeout: 5000 })
      .toBeGreaterThan(before.x + 100)

    // both see the presence of the other
    await alice.page.locator('.avatar[data-name="Bruno"]').waitFor()
    await bob.page.locator('.avatar[data-name="Alice"]').waitFor()
    await screenshot(alice.page, 'board-two-participants')

    await bob.card('Scarso orientamento').click()
    await bob.page.keyboard.press('Delete')
    await expect.poll(() => alice.cards().count()).toBe(1)
    await expect.poll(() => bob.cards().count()).toBe(1)
  })

  it('a stock Yjs client and the pages see each other', async () => {
    const board = await createBoard(suite.server.url)
    const page = boardPage((await newParticipant(suite.browser, 'Carla')).page)
    await page.open(board.links.participant)
    await page.waitSaved()
    const stock = await connectSynced(suite.server.url, board.id, board.keys.participant)
    clients.push(stock)
    stock.doc.transact(() =>
      putCard(stock.doc, 'problems', 'stock-1', {
        kind: 'problem',
        label: 'Carta da un client Yjs',
        x: 50,
        y: 50,
        role: 'effect',
      }),
    )
    await page.card('Carta da un client Yjs').waitFor()
    await expect
      .poll(() => page.card('Carta da un client Yjs').locator('.card-role').textContent())
      .toBe('Effetto')

    await page.addCardAt(700, 500, 'Carta dalla pagina')
    await waitFor(
      () =>
        [...canvasRoots(stock.doc, 'problems').nodes.values()].some(
          (m) => textValue(m.get('label')) === 'Carta dalla pagina',
        ),
      'stock client sees the page card',
    )
    const created = [...canvasRoots(stock.doc, 'problems').nodes.values()].find(
      (m) => textValue(m.get('label')) === 'Carta dalla pagina',
    )!
    expect(created.get('kind')).toBe('problem')
    expect(typeof created.get('x')).toBe('number')
  })
  it('the canvas names React Flow’s credit and controls in Italian, not in English', async () => {
    const board = await createBoard(suite.server.url, 'Parole della tela')
    const page = boardPage((await newParticipant(suite.browser, 'Ida')).page)
    await page.open(board.links.participant)
    const credit = page.page.locator('.react-flow__attribution a')
    await credit.waitFor()
    expect(await credit.getAttribute('aria-label')).toBe('Realizzato con React Flow')
    expect(await credit.textContent()).toBe('React Flow')
    // every name React Flow gives the canvas's parts is a translated one
    const names = await page.page.evaluate(() =>
      [...document.querySelectorAll('.react-flow [aria-label]')].map((el) =>
        el.getAttribute('aria-label'),
      ),
    )
    expect(names).toContain('Ingrandisci')
    expect(names.filter((n) => /attribution|zoom|fit view|mini map/i.test(n ?? ''))).toEqual([])
  })
})
