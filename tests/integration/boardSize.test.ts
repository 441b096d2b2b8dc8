import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import { CLOSE, MESSAGE_SYNC } from '../../shared/protocol.ts'
import { canvasRoots, putCard } from '../../shared/schema/index.ts'
import { connectSynced, type Client } from '../helpers/clients.ts'
import { createBoard, exportJson, startServer } from '../helpers/server.ts'
import { waitFor } from '../helpers/wait.ts'

const cleanup: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn()
})
async function client(url: string, id: string, key: string): Promise<Client> {
  const c = await connectSynced(url, id, key)
  cleanup.push(() => c.destroy())
  return c
}

/** A sync "update" frame carrying `update`, as the stock client sends it. */
function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, 2)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

describe('board size limit on sync', () => {
  it('an update that would take the board past the limit closes that socket with 4413; nothing of it is kept', async () => {
    const s = await startServer({ limits: { maxBoardBytes: 64 * 1024 } })
    cleanup.push(() => s.close())
    const board = await createBoard(s.url)
    const writer = await client(s.url, board.id, board.keys.participant)
    const reader = await client(s.url, board.id, board.keys.participant)

    // a small card is fine
    writer.doc.transact(() =>
      putCard(writer.doc, 'problems', 'small', {
        kind: 'problem',
        label: 'piccola',
        x: 0,
        y: 0,
        role: 'core',
      }),
    )
    await waitFor(() => canvasRoots(reader.doc, 'problems').nodes.has('small'), 'small card')

    // ~100 KiB more is not: sent by a raw client from a copy of the board
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(reader.doc))
    const before = Y.encodeStateVector(copy)
    // 200 cards of ~500 characters: each within the field limits, together ~100 KiB
    copy.transact(() => {
      for (let i = 0; i < 200; i++)
        putCard(copy, 'problems', `huge-${i}`, {
          kind: 'problem',
          label: `${i} ${'x'.repeat(500)}`,
          x: i,
          y: 0,
          role: 'cause',
        })
    })
    const ws = new WebSocket(
      `${s.url.replace(/^http/, 'ws')}/sync/${board.id}?key=${board.keys.participant}`,
    )
    cleanup.push(() => ws.terminate())
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))
    ws.on('open', () => ws.send(updateFrame(Y.encodeStateAsUpdate(copy, before))))
    expect(await closed).toBe(CLOSE.BOARD_TOO_LARGE.code)

    // the others are untouched and still edit; the board exports without the refused card
    writer.doc.transact(() =>
      putCard(writer.doc, 'problems', 'after', {
        kind: 'problem',
        label: 'dopo',
        x: 1,
        y: 1,
        role: 'cause',
      }),
    )
    await waitFor(() => canvasRoots(reader.doc, 'problems').nodes.has('after'), 'edits go on')
    expect(canvasRoots(reader.doc, 'problems').nodes.has('huge-0')).toBe(false)
    const out = (await exportJson(s.url, board.id, board.keys.viewer)) as {
      canvases: { problems: { nodes: { id: string }[] } }
    }
    expect(out.canvases.problems.nodes.map((n) => n.id).sort()).toEqual(['after', 'small'])
    expect(writer.provider.wsconnected && reader.provider.wsconnected).toBe(true)
  })
})
