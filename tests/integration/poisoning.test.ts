import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import { CLOSE, MESSAGE_SYNC } from '../../shared/protocol.ts'
import {
  REFUSAL_CLOSE,
  canvasRoots,
  metaRoot,
  putCard,
  textValue,
} from '../../shared/schema/index.ts'
import { type Client } from '../helpers/clients.ts'
import { createBoard, exportJson } from '../helpers/server.ts'
import { waitFor } from '../helpers/wait.ts'
import { integrationSuite } from '../helpers/teardown.ts'

const { server, client, later } = integrationSuite()

/** A socket that speaks the protocol by hand, as a hostile participant would. */
function hostile(url: string): Promise<{
  send(update: Uint8Array): void
  closed: Promise<number>
  /** The sync steps 1 the server sent: one on joining, one more for each question. */
  steps1(): number
}> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url)
    const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)))
    let steps1 = 0
    ws.on('message', (data) => {
      const bytes = new Uint8Array(data as Buffer)
      if (bytes[0] === MESSAGE_SYNC && bytes[1] === 0) steps1++
    })
    ws.on('open', () =>
      resolve({
        steps1: () => steps1,
        send(update) {
          const e = encoding.createEncoder()
          encoding.writeVarUint(e, MESSAGE_SYNC)
          encoding.writeVarUint(e, 2) // an update
          encoding.writeVarUint8Array(e, update)
          ws.send(encoding.toUint8Array(e))
        },
        closed,
      }),
    )
    ws.on('error', reject)
    later(() => ws.terminate())
  })
}

const cards = (c: Client) =>
  [...canvasRoots(c.doc, 'problems').nodes.values()].map((m) => textValue(m.get('label')))

describe('no participant can poison the board', () => {
  it("a delete set over the victim's future clocks is refused, and the victim's next cards reach everyone", async () => {
    const s = await server()
    const board = await createBoard(s.url)
    const victim = await client(s.url, board.id, board.keys.participant)
    const observer = await client(s.url, board.id, board.keys.viewer)
    victim.doc.transact(() =>
      putCard(victim.doc, 'problems', 'v1', {
        kind: 'problem',
        label: 'Prima',
        x: 0,
        y: 0,
        role: 'core',
      }),
    )
    await waitFor(() => cards(observer).includes('Prima'), 'observer sees the first card')

    // the attacker writes ahead as the victim's client id, deletes it, and sends only the deletes
    const ahead = new Y.Doc()
    Y.applyUpdate(ahead, Y.encodeStateAsUpdate(victim.doc))
    ahead.clientID = victim.doc.clientID // after: on seeing its own id Yjs would pick another
    metaRoot(ahead).set('scratch', 'x'.repeat(400))
    metaRoot(ahead).delete('scratch')
    const blackHole = Y.encodeStateAsUpdate(ahead, Y.encodeStateVector(ahead))
    const attacker = await hostile(
      `${s.url.replace(/^http/, 'ws')}/sync/${board.id}?key=${board.keys.participant}`,
    )
    const logged = (await s.store.logStats(board.id)).count
    attacker.send(blackHole)
    // dropped, and the server asks for what it lacks instead of closing (an honest client can
    // send deletions the server cannot apply yet: shared/schema/updateGuard.ts)
    await waitFor(() => attacker.steps1() === 2, 'the server asks for the missing content')
    expect((await s.store.logStats(board.id)).count).toBe(logged)

    victim.doc.transact(() =>
      putCard(victim.doc, 'problems', 'v2', {
        kind: 'problem',
        label: 'Seconda',
        x: 0,
        y: 200,
        role: 'cause',
      }),
    )
    await waitFor(
      () => cards(observer).includes('Seconda'),
      "the victim's next card reaches everyone",
    )
    const json = (await exportJson(s.url, board.id, board.keys.viewer)) as {
      canvases: { problems: { nodes: { label: string }[] } }
    }
    expect(json.canvases.problems.nodes.map((n) => n.label).sort()).toEqual(['Prima', 'Seconda'])
  })

  it('a string or a plain object where a card goes is refused; the board still exports and imports', async () => {
    const s = await server()
    const board = await createBoard(s.url)
    const honest = await client(s.url, board.id, board.keys.participant)
    honest.doc.transact(() =>
      putCard(honest.doc, 'problems', 'ok', {
        kind: 'problem',
        label: 'Vera',
        x: 0,
        y: 0,
        role: 'core',
      }),
    )
    for (const poison of ['not a card', { label: 'plain', x: 1 }]) {
      const stock = new Y.Doc()
      Y.applyUpdate(stock, Y.encodeStateAsUpdate(honest.doc))
      const before = Y.encodeStateVector(stock)
      ;(canvasRoots(stock, 'problems').nodes as Y.Map<unknown>).set('poison', poison)
      const attacker = await hostile(
        `${s.url.replace(/^http/, 'ws')}/sync/${board.id}?key=${board.keys.participant}`,
      )
      attacker.send(Y.encodeStateAsUpdate(stock, before))
      expect(await attacker.closed).toBe(CLOSE.MALFORMED.code)
    }
    const exported = await exportJson(s.url, board.id, board.keys.viewer)
    const res = await fetch(`${s.url}/api/boards/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(exported),
    })
    expect(res.status).toBe(201)
    const copy = (await res.json()) as { id: string; keys: { viewer: string } }
    const again = await exportJson(s.url, copy.id, copy.keys.viewer)
    expect({ ...again, exportedAt: '' }).toEqual({ ...exported, exportedAt: '' })
    expect(cards(honest)).toEqual(['Vera'])
  })

  it('only the facilitator moves the room to another phase or chooses the strategy', async () => {
    const s = await server()
    const board = await createBoard(s.url)
    const facilitator = await client(s.url, board.id, board.keys.facilitator)
    const phaseOf = async () =>
      ((await exportJson(s.url, board.id, board.keys.viewer)) as { phase: string }).phase
    for (const [key, value] of [
      ['phase', 'pact'],
      ['chosenStrategy', 'c1'],
    ] as const) {
      const stock = new Y.Doc()
      Y.applyUpdate(stock, Y.encodeStateAsUpdate(facilitator.doc))
      const before = Y.encodeStateVector(stock)
      metaRoot(stock).set(key, value)
      const participant = await hostile(
        `${s.url.replace(/^http/, 'ws')}/sync/${board.id}?key=${board.keys.participant}`,
      )
      participant.send(Y.encodeStateAsUpdate(stock, before))
      expect(await participant.closed).toBe(REFUSAL_CLOSE.facilitator.code)
    }
    expect(await phaseOf()).toBe('problems')
    facilitator.doc.transact(() => metaRoot(facilitator.doc).set('phase', 'stakeholders'))
    await waitFor(async () => (await phaseOf()) === 'stakeholders', "the facilitator's phase")
  })
})
