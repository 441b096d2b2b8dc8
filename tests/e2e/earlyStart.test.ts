import { browserSuite } from '../helpers/suite.ts'
import { afterAll, describe, expect, it } from 'vitest'
import { canvasRoots, putCard } from '../../shared/schema/index.ts'
import { newParticipant } from '../helpers/browser.ts'
import { boardPage } from '../helpers/boardPage.ts'
import { connectSynced, type Client } from '../helpers/clients.ts'
import { createBoard } from '../helpers/server.ts'
import { waitFor } from '../helpers/wait.ts'

const suite = browserSuite()

const clients: Client[] = []
afterAll(() => clients.forEach((c) => c.destroy()))

const bytes = (payload: string | Buffer) =>
  typeof payload === 'string' ? Buffer.from(payload) : payload
/** y-websocket sync frames: [0, 0, …] asks for what is missing, [0, 1, …] answers. */
const isStep1 = (p: Buffer) => p[0] === 0 && p[1] === 0
const isStep2 = (p: Buffer) => p[0] === 0 && p[1] === 1

describe('the early start of a board page', () => {
  it('opens the board on the socket it opened first: the board sent once, the role and the preview asked once, the key nowhere new, no placeholder', async () => {
    const board = await createBoard(suite.server.url, 'Patto Valle Seriana')
    const stock = await connectSynced(suite.server.url, board.id, board.keys.participant)
    clients.push(stock)
    stock.doc.transact(() => {
      for (let i = 0; i < 30; i++)
        putCard(stock.doc, 'problems', `p${i}`, {
          kind: 'problem',
          label: `Problema ${i}`,
          x: (i % 6) * 260,
          y: Math.floor(i / 6) * 180,
          role: i === 0 ? 'core' : 'cause',
        })
    })

    const { context, page } = await newParticipant(suite.browser, 'Dario')
    // the problem tree's code is loaded ahead: no placeholder while it loads (React would keep
    // the tree behind one for at least 300 ms)
    await context.addInitScript(() => {
      const w = window as unknown as { placeholderSeen: boolean }
      w.placeholderSeen = false
      new MutationObserver(() => {
        if (document.querySelector('.phase-loading')) w.placeholderSeen = true
      }).observe(document, { childList: true, subtree: true })
    })
    const requests: string[] = []
    page.on('request', (r) => requests.push(r.url()))
    const sockets: { url: string; sent: Buffer[]; received: Buffer[] }[] = []
    page.on('websocket', (ws) => {
      const s = { url: ws.url(), sent: [] as Buffer[], received: [] as Buffer[] }
      sockets.push(s)
      ws.on('framesent', (f) => s.sent.push(bytes(f.payload)))
      ws.on('framereceived', (f) => s.received.push(bytes(f.payload)))
    })
    const tree = boardPage(page)
    await tree.open(board.links.participant)
    await expect.poll(() => tree.cards().count(), { timeout: 15_000 }).toBe(30)
    await tree.waitSaved()

    // both ways on that socket: a card made on the page reaches the stock client
    await tree.addCardAt(900, 650, 'Scarsa manutenzione dei sentieri')
    await waitFor(
      () =>
        [...canvasRoots(stock.doc, 'problems').nodes.values()].some(
          (card) => String(card.get('label')) === 'Scarsa manutenzione dei sentieri',
        ),
      'the new card on the stock client',
    )

    expect(await page.evaluate('window.placeholderSeen')).toBe(false)
    expect(sockets).toHaveLength(1)
    const [socket] = sockets
    const key = encodeURIComponent(board.keys.participant)
    expect(socket!.url).toBe(
      `${suite.server.url.replace(/^http/, 'ws')}/sync/${board.id}?key=${key}`,
    )
    expect(socket!.sent.filter(isStep1)).toHaveLength(1)
    expect(socket!.received.filter(isStep2)).toHaveLength(1)
    // the role and the preview, each asked once (a 30-card board has none: 204)
    const asks = requests.filter((url) => url.includes('/api/boards/'))
    expect([...asks].sort()).toEqual([
      `${suite.server.url}/api/boards/${board.id}/preview?key=${key}`,
      `${suite.server.url}/api/boards/${board.id}?key=${key}`,
    ])
    expect(requests.filter((url) => url.includes(key))).toEqual(asks)
  })

  it("fetches the problem tree's code with the page: every script loaded until the tree shows is announced in the page itself", async () => {
    const board = await createBoard(suite.server.url, 'Patto Alto Lario')
    const { page } = await newParticipant(suite.browser, 'Elena')
    const scripts: string[] = []
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname)
    })
    const tree = boardPage(page)
    await tree.open(board.links.participant)
    await page.locator('.react-flow__pane').waitFor()
    const loaded = [...scripts]
    const html = await (await fetch(`${suite.server.url}/`)).text()
    const tags = html.match(/<(?:script|link)\b[^>]*>/g) ?? []
    const pathIn = (tag: string) => /\b(?:src|href)="([^"]+\.js)"/.exec(tag)?.[1]
    const announced = new Set(tags.map(pathIn).filter(Boolean))
    const view = tags.filter((tag) => tag.includes('data-first-view')).map(pathIn)
    // the tree's view and its imports (React Flow among them) are announced, and were used
    expect(view.length).toBeGreaterThan(0)
    expect(view.filter((path) => !loaded.includes(path!))).toEqual([])
    expect(loaded.filter((path) => !announced.has(path))).toEqual([])
  })

  it("asks for the code and styles of the problem tree in one round of a browser's six connections", async () => {
    const board = await createBoard(suite.server.url, 'Patto Valchiavenna')
    const { page } = await newParticipant(suite.browser, 'Ugo')
    const files: string[] = []
    page.on('request', (r) => {
      if (r.resourceType() === 'script' || r.resourceType() === 'stylesheet')
        files.push(new URL(r.url()).pathname)
    })
    await boardPage(page).open(board.links.participant)
    await page.locator('.react-flow__pane').waitFor()
    // a server on HTTP/1.1 answers six requests at a time: more files wait for a second round
    // (the bundler had cut the same code into 15, some of 0.3 KB)
    expect(new Set(files).size, files.join(' ')).toBeLessThanOrEqual(6)
  })

  it("asks for the problem tree's styles as it starts, beside the role and the preview, each once; the home page does not", async () => {
    const board = await createBoard(suite.server.url, 'Patto Oltrepò')
    const html = await (await fetch(`${suite.server.url}/`)).text()
    const listed = /<meta name="trama-first-view-styles" content="([^"]*)"/.exec(html)?.[1]
    const styles = (listed ?? '').split(' ').filter(Boolean)
    expect(styles.length).toBeGreaterThan(0)

    const { page } = await newParticipant(suite.browser, 'Franca')
    const requests: string[] = []
    page.on('request', (r) => requests.push(new URL(r.url()).pathname))
    await boardPage(page).open(board.links.participant)
    await page.locator('.react-flow__pane').waitFor()
    // the early start links them in the same task as it asks for the preview, before the app's
    // code has run (which, on its own, asks for them only as it imports the tree)
    const preview = requests.indexOf(`/api/boards/${board.id}/preview`)
    expect(preview).toBeGreaterThan(-1)
    for (const style of styles) {
      expect(
        requests.filter((path) => path === style),
        style,
      ).toHaveLength(1)
      expect(requests.indexOf(style), style).toBeLessThan(preview)
    }
    // and the tree did not add them a second time
    const linked = await page.evaluate(
      (hrefs) => hrefs.map((h) => document.querySelectorAll(`link[href="${h}"]`).length),
      styles,
    )
    expect(linked).toEqual(styles.map(() => 1))

    const home = await newParticipant(suite.browser, 'Gino')
    const homeRequests: string[] = []
    home.page.on('request', (r) => homeRequests.push(new URL(r.url()).pathname))
    await home.page.goto(`${suite.server.url}/`)
    await home.page.locator('main').first().waitFor()
    expect(homeRequests.filter((path) => styles.includes(path))).toEqual([])
  })
})
