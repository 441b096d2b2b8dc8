import { afterAll, describe, expect, it } from 'vitest'
import type { BoardStore } from '../../server/storage/types.ts'
import { CLIENT_DIST } from '../helpers/browser.ts'
import { createBoard, exportJson, startServer, tempDataDir } from '../helpers/server.ts'
import { browserSuite } from '../helpers/suite.ts'

const suite = browserSuite()

// A server of its own, whose disk can be made to fail and recover.
let failing = false
const serverWithFlakyDisk = startServer({
  staticDir: CLIENT_DIST,
  wrapStore: (store: BoardStore) => ({
    ...store,
    appendUpdates: async (items) => {
      if (failing) throw new Error('SQLITE_IOERR: disk I/O error')
      return store.appendUpdates(items)
    },
  }),
})
afterAll(async () => (await serverWithFlakyDisk).close())

type Export = { canvases: { problems: { nodes: { label: string }[] } } }

describe('when the server cannot store', () => {
  it('the page says the changes are not saved, and all is saved once the disk works again', async () => {
    const s = await serverWithFlakyDisk
    const board = await createBoard(s.url)
    const p = await suite.open(board.links.participant, 'Nadia')
    await p.waitSaved()
    failing = true
    await p.addCardAt(500, 300, 'Scritta mentre il disco è guasto')
    const badge = p.page.locator('[data-testid=connection]')
    await badge.filter({ hasText: 'modifiche non salvate' }).waitFor()
    failing = false
    // the page reconnects by itself, resends, and only then says all is saved
    await p.page.locator('[data-testid=connection][data-state=ok]').waitFor({ timeout: 30_000 })
    const json = (await exportJson(s.url, board.id, board.keys.viewer)) as Export
    expect(json.canvases.problems.nodes.map((n) => n.label)).toEqual([
      'Scritta mentre il disco è guasto',
    ])
  })
})

describe('when the server restarts in the middle of the workshop', () => {
  it('the projector says it lost the connection, without speaking of changes, and comes back by itself with what was written meanwhile', async () => {
    const data = tempDataDir()
    let s = await startServer({ staticDir: CLIENT_DIST, dataDir: data.dir })
    try {
      const port = Number(new URL(s.url).port)
      const board = await createBoard(s.url)
      const projector = await suite.open(board.links.viewer, 'Proiettore')
      const pia = await suite.open(board.links.participant, 'Pia')
      await pia.waitSaved()
      await pia.addCardAt(500, 300, 'Prima del riavvio')
      await projector.card('Prima del riavvio').waitFor()

      await s.close()
      const badge = projector.page.locator('[data-testid=connection]')
      await badge.filter({ hasText: 'Connessione persa' }).waitFor()
      expect(await badge.textContent()).not.toMatch(/modific/)
      // Pia goes on writing while the server is away
      await pia.addCardAt(800, 500, 'Durante il riavvio')
      await pia.page.locator('[data-testid=connection]', { hasText: '1 modifica' }).waitFor()

      s = await startServer({ staticDir: CLIENT_DIST, dataDir: data.dir, port })
      await projector.card('Durante il riavvio').waitFor({ timeout: 15_000 })
      await projector.page.locator('[data-testid=connection][data-state=ok]').waitFor()
      await pia.waitSaved()
    } finally {
      await s.close()
      data.remove()
    }
  })
})
