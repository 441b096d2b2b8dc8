import { afterAll, describe, expect, it } from 'vitest'
import type { BoardStore } from '../../server/storage/types.ts'
import { CLIENT_DIST } from '../helpers/browser.ts'
import { createBoard, exportJson, startServer } from '../helpers/server.ts'
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
