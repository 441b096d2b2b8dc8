import { browserSuite } from '../helpers/suite.ts'
import { describe, expect, it } from 'vitest'
import { newParticipant, screenshot } from '../helpers/browser.ts'
import { boardPage } from '../helpers/boardPage.ts'
import { createBoard, exportJson } from '../helpers/server.ts'
import { connectSynced } from '../helpers/clients.ts'
import { putCard } from '../../shared/schema/index.ts'
import { createServer, connect, type AddressInfo, type Socket } from 'node:net'

const suite = browserSuite()

type Exported = { canvases: { problems: { nodes: { label: string }[] } } }
const labels = async (id: string, key: string) =>
  ((await exportJson(suite.server.url, id, key)) as Exported).canvases.problems.nodes
    .map((n) => n.label)
    .sort()

/** Counts the records the page adds to its local copy's store (window.__localWrites). */
const COUNT_LOCAL_WRITES = `(() => {
  window.__localWrites = 0
  const add = IDBObjectStore.prototype.add
  IDBObjectStore.prototype.add = function (...args) {
    if (this.name === 'updates') window.__localWrites++
    return add.apply(this, args)
  }
})()`

/** The local copy's stored updates (the page's IndexedDB for this board), as text. */
const localCopyText = (page: import('playwright-core').Page, boardId: string) =>
  page.evaluate(
    (name) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open(name)
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains('updates')) return resolve('')
          const all = db.transaction('updates').objectStore('updates').getAll()
          all.onsuccess = () => {
            const decoder = new TextDecoder('utf-8', { fatal: false })
            resolve((all.result as Uint8Array[]).map((u) => decoder.decode(u)).join('\n'))
            db.close()
          }
        }
      }),
    `trama:${boardId}`,
  )

describe('a board that holds up in the room', () => {
  it('keeps the others’ changes in the local copy a few at a time, not one write each', async () => {
    const board = await createBoard(suite.server.url)
    const { page } = await newParticipant(suite.browser, 'Franca')
    await page.addInitScript({ content: COUNT_LOCAL_WRITES })
    const p = boardPage(page)
    await p.open(board.links.participant)
    await p.waitSaved()
    // a participant's copy opens once the board is shown (writing the board in it whole)
    await p.addCardAt(500, 300, 'Carta di Franca')
    await expect.poll(() => localCopyText(page, board.id)).toContain('Carta di Franca')
    const before = await page.evaluate(
      () => (window as unknown as { __localWrites: number }).__localWrites,
    )

    // thirty changes of someone else, each its own message
    const other = await connectSynced(suite.server.url, board.id, board.keys.participant)
    try {
      for (let i = 0; i < 30; i++)
        putCard(other.doc, 'problems', `altra-${i}`, {
          kind: 'problem',
          label: `Carta remota ${i}`,
          x: 100 + (i % 6) * 240,
          y: 500 + Math.floor(i / 6) * 120,
          role: 'cause',
        })
      await p.card('Carta remota 29').waitFor()
      await expect.poll(() => localCopyText(page, board.id)).toContain('Carta remota 29')
    } finally {
      other.destroy()
    }
    const text = await localCopyText(page, board.id)
    for (let i = 0; i < 30; i++) expect(text).toContain(`Carta remota ${i}`)
    const writes =
      (await page.evaluate(() => (window as unknown as { __localWrites: number }).__localWrites)) -
      before
    expect(writes, 'records written for 30 changes of others').toBeLessThanOrEqual(10)
    // and this person's own change still goes in at once
    await p.addCardAt(800, 300, 'Seconda di Franca')
    await expect.poll(() => localCopyText(page, board.id)).toContain('Seconda di Franca')
  })

  it('a reload keeps everything', async () => {
    const board = await createBoard(suite.server.url)
    const p = boardPage((await newParticipant(suite.browser, 'Dario')).page)
    await p.open(board.links.participant)
    await p.waitSaved()
    await p.addCardAt(500, 300, 'Prima carta')
    await p.addCardAt(800, 550, 'Seconda carta')
    await p.waitSaved()
    await p.page.reload()
    await p.card('Prima carta').waitFor()
    await p.card('Seconda carta').waitFor()
    expect(await p.cards().count()).toBe(2)
  })

  it("the projector follows the facilitator from phase to phase and shows nobody's cursor", async () => {
    const board = await createBoard(suite.server.url)
    const facilitator = boardPage((await newParticipant(suite.browser, 'Fabio')).page)
    const participant = boardPage((await newParticipant(suite.browser, 'Pia')).page)
    const projector = boardPage((await newParticipant(suite.browser, 'Proiettore')).page)
    await facilitator.open(board.links.facilitator)
    await participant.open(board.links.participant)
    await projector.open(board.links.viewer)
    await participant.addCardAt(600, 350, 'Carta di Pia')
    await participant.page.mouse.move(300, 500)
    await participant.page.mouse.move(320, 520)
    await facilitator.page.locator('.remote-cursor[data-name="Pia"]').waitFor()
    expect(await projector.page.locator('.remote-cursor').count()).toBe(0)
    // left still, it fades and loses its name (nothing under it stays hidden); moved, it is back
    const pia = facilitator.page.locator('.remote-cursor[data-name="Pia"]')
    await pia.and(facilitator.page.locator('.idle')).waitFor({ timeout: 10_000 })
    expect(await pia.locator('.remote-cursor-name').isVisible()).toBe(false)
    await participant.page.mouse.move(360, 540)
    await facilitator.page.locator('.remote-cursor[data-name="Pia"]:not(.idle)').waitFor()
    expect(await pia.locator('.remote-cursor-name').isVisible()).toBe(true)

    const selected = (p: typeof projector, phase: string) =>
      p.page.locator(`#tab-${phase}`).getAttribute('aria-selected')
    await facilitator.page.locator('#tab-objectives').click()
    await expect.poll(() => selected(projector, 'objectives')).toBe('true')
    // a participant looking elsewhere does not move the room
    await participant.page.locator('#tab-stakeholders').click()
    await facilitator.page.locator('#tab-problems').click()
    await expect.poll(() => selected(projector, 'problems')).toBe('true')
    expect(await selected(participant, 'stakeholders')).toBe('true')
  })

  it('a viewer sees the board but cannot edit it', async () => {
    const board = await createBoard(suite.server.url)
    const editor = boardPage((await newParticipant(suite.browser, 'Elena')).page)
    const projector = boardPage((await newParticipant(suite.browser, 'Proiettore')).page)
    const errors: string[] = []
    projector.page.on('pageerror', (e) => errors.push(e.message))
    await editor.open(board.links.participant)
    await editor.addCardAt(600, 350, 'Visibile al proiettore')
    await projector.open(board.links.viewer)
    await projector.card('Visibile al proiettore').waitFor()

    expect(await projector.page.locator('.toolbar').count()).toBe(0)
    expect(await projector.page.locator('text=Esporta JSON').count()).toBe(0)
    await projector.page.mouse.dblclick(300, 600)
    await projector.card('Visibile al proiettore').dblclick()
    expect(await projector.page.locator('textarea.card-editor').count()).toBe(0)
    const before = await projector.cardPosition('Visibile al proiettore')
    await projector.dragCard('Visibile al proiettore', 200, 100)
    expect(await projector.cardPosition('Visibile al proiettore')).toEqual(before)
    await projector.card('Visibile al proiettore').click()
    await projector.page.keyboard.press('Delete')
    expect(await projector.cards().count()).toBe(1)
    expect(await labels(board.id, board.keys.viewer)).toEqual(['Visibile al proiettore'])
    expect(errors).toEqual([])
    await screenshot(projector.page, 'board-projector')
  })

  it('edits made offline arrive after reconnection, even after closing the page', async () => {
    const board = await createBoard(suite.server.url)
    const { context, page } = await newParticipant(suite.browser, 'Franca')
    const p = boardPage(page)
    const other = boardPage((await newParticipant(suite.browser, 'Gino')).page)
    await p.open(board.links.participant)
    await other.open(board.links.participant)
    await p.waitSaved()
    // Chromium's network emulation cuts new connections but fires no online/offline events and
    // leaves open sockets alone: the test fires the events the OS would.
    const goOffline = async () => {
      await context.setOffline(true)
      await page.evaluate(() => window.dispatchEvent(new Event('offline')))
      await page.locator('[data-testid=connection][data-state=offline]').waitFor()
    }
    const goOnline = async () => {
      await context.setOffline(false)
      await page.evaluate(() => window.dispatchEvent(new Event('online')))
    }

    await goOffline()
    await p.addCardAt(500, 300, 'Scritta senza rete')
    await page.locator('[data-testid=connection]', { hasText: '1 modifica' }).waitFor()
    await screenshot(page, 'board-offline')
    expect(await other.card('Scritta senza rete').count()).toBe(0)
    await goOnline()
    await other.card('Scritta senza rete').waitFor({ timeout: 15_000 })
    await p.waitSaved()

    // offline again, then the laptop closes the tab before the Wi-Fi returns
    await goOffline()
    await p.addCardAt(800, 500, 'Scritta prima di chiudere')
    await page.waitForTimeout(300) // IndexedDB writes are asynchronous; give them a beat before closing
    await page.close()
    await context.setOffline(false)
    const again = boardPage(await context.newPage())
    await again.open(board.links.participant)
    await other.card('Scritta prima di chiudere').waitFor({ timeout: 15_000 })
    expect(await labels(board.id, board.keys.viewer)).toEqual([
      'Scritta prima di chiudere',
      'Scritta senza rete',
    ])
  })

  it('a connection the Wi-Fi left half-open does not say «tutto salvato», and what was written reaches the room', async () => {
    // the page reaches the server through a relay whose open connections can go silent (a
    // Wi-Fi drop the browser is not told of): nothing more passes, nothing is closed
    const server = new URL(suite.server.url)
    const silenced = new Set<Socket>()
    const relay = createServer((page) => {
      const upstream = connect(Number(server.port), server.hostname)
      page.on('data', (d) => silenced.has(page) || upstream.write(d))
      upstream.on('data', (d) => silenced.has(page) || page.write(d))
      for (const [a, b] of [
        [page, upstream],
        [upstream, page],
      ] as const) {
        a.on('error', () => {})
        a.on('close', () => b.destroy())
      }
      sockets.add(page)
    })
    const sockets = new Set<Socket>()
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve))
    try {
      const board = await createBoard(suite.server.url)
      const port = (relay.address() as AddressInfo).port
      const gino = boardPage((await newParticipant(suite.browser, 'Gino')).page)
      await gino.open(board.links.participant)
      const carla = boardPage((await newParticipant(suite.browser, 'Carla')).page)
      await carla.open(board.links.participant.replace(/\/\/[^/]+/, `//127.0.0.1:${port}`))
      await carla.waitSaved()
      for (const s of sockets) silenced.add(s)
      await carla.addCardAt(500, 300, 'Scritta nel vuoto')
      const badge = carla.page.locator('[data-testid=connection]')
      await badge.filter({ hasText: 'Invio delle modifiche…' }).waitFor({ timeout: 6_000 })
      // the page gives the silent socket up, reconnects and sends the card (not after 30 s)
      await gino.card('Scritta nel vuoto').waitFor({ timeout: 15_000 })
      await carla.waitSaved()
    } finally {
      sockets.forEach((s) => s.destroy())
      relay.close()
    }
  })

  it('undo and redo take back only my own edits', async () => {
    const board = await createBoard(suite.server.url)
    const me = boardPage((await newParticipant(suite.browser, 'Ilaria')).page)
    const them = boardPage((await newParticipant(suite.browser, 'Luca')).page)
    await me.open(board.links.participant)
    await them.open(board.links.participant)
    await me.addCardAt(500, 300, 'Mia carta')
    await them.card('Mia carta').waitFor()
    await them.addCardAt(800, 550, 'Sua carta')
    await me.card('Sua carta').waitFor()

    await me.page.locator('.react-flow__pane').click({ position: { x: 50, y: 700 } })
    // Creating a card and writing it may be one or two undo steps, depending on the pause
    // between them: undo until my card is gone, and never touch theirs.
    let presses = 0
    while ((await me.cards().count()) > 1 && presses < 3) {
      await me.page.keyboard.press('Control+z')
      presses += 1
      await expect
        .poll(() => me.page.locator('.react-flow__node', { hasText: 'Mia carta' }).count(), {
          timeout: 2000,
        })
        .toBe(0)
        .catch(() => {})
    }
    await expect.poll(() => them.cards().count()).toBe(1)
    expect(await them.card('Sua carta').count()).toBe(1)
    expect(await me.card('Sua carta').count()).toBe(1)
    for (let i = 0; i < presses; i++) await me.page.keyboard.press('Control+Shift+z')
    await them.card('Mia carta').waitFor()
    expect(await me.cards().count()).toBe(2)
  })

  it('undo on one phase never takes back a change made on another', async () => {
    const board = await createBoard(suite.server.url)
    const me = boardPage((await newParticipant(suite.browser, 'Marta')).page)
    await me.open(board.links.participant)
    await me.addCardAt(500, 300, 'Carta del problema')
    await me.waitSaved()
    const undoButton = me.page.getByRole('button', { name: 'Annulla', exact: true })
    await expect.poll(() => undoButton.isEnabled()).toBe(true)

    await me.page.locator('#tab-objectives').click()
    await expect
      .poll(() => me.page.locator('#tab-objectives').getAttribute('aria-selected'))
      .toBe('true')
    // nothing of mine on the objectives: nothing to undo there, by button or by key
    await expect.poll(() => undoButton.isEnabled()).toBe(false)
    await me.page.keyboard.press('Control+z')
    await me.page.locator('#tab-problems').click()
    await me.card('Carta del problema').waitFor()
    expect(await me.cards().count()).toBe(1)
    await expect.poll(() => undoButton.isEnabled()).toBe(true)
    await undoButton.click()
    await expect.poll(() => me.cards().count()).toBe(0)
  })
})
