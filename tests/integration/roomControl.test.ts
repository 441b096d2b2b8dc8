import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  REFUSAL_CLOSE,
  ROOM_ROOT,
  canvasRoots,
  collectionRoot,
  metaRoot,
  putCard,
  putRecord,
} from '../../shared/schema/index.ts'
import { connectClient, type Client } from '../helpers/clients.ts'
import { createBoard, exportJson } from '../helpers/server.ts'
import { integrationSuite } from '../helpers/teardown.ts'
import { waitFor } from '../helpers/wait.ts'

const { server, client, later } = integrationSuite()

/** The close code the server ends a stock client's connection with (null while open). */
function closeCode(c: Client): () => number | null {
  let code: number | null = null
  c.provider.on('connection-close', (event: CloseEvent | null) => {
    code ??= event?.code ?? null
  })
  return () => code
}

const problemCard = (label: string) => ({ kind: 'problem', label, x: 0, y: 0, role: 'cause' })
const cardIds = (doc: Y.Doc, canvas: 'problems' | 'stakeholders') => [
  ...canvasRoots(doc, canvas).nodes.keys(),
]

async function workshop(options: Parameters<typeof server>[0] = {}) {
  const s = await server(options)
  const board = await createBoard(s.url)
  const facilitator = await client(s.url, board.id, board.keys.facilitator)
  const observer = await client(s.url, board.id, board.keys.participant)
  /**
   * A stock y-websocket client with the participant key, synced, that makes one change; resolves
   * with the close code the server answered it with (the client then stays disconnected).
   */
  const attempt = async (change: (doc: Y.Doc) => void, doc?: Y.Doc) => {
    const attacker = connectClient(s.url, board.id, board.keys.participant, doc)
    later(() => attacker.destroy())
    const closed = closeCode(attacker)
    // a client that brings edits of its own sends them in the handshake: the server may refuse
    // them (and close) before the client counts itself synced
    if (!doc) await waitFor(() => attacker.provider.synced, 'the participant synced')
    attacker.doc.transact(() => change(attacker.doc))
    const code = await waitFor(closed, 'the server closes the connection')
    expect(attacker.provider.shouldConnect).toBe(false)
    return { code, attacker }
  }
  /**
   * Whatever was sent before is relayed before this marker: once the observer has the
   * facilitator's marker, a refused change would have reached it already.
   */
  let markers = 0
  const settle = async () => {
    const id = `marker-${++markers}`
    facilitator.doc.transact(() => putCard(facilitator.doc, 'stakeholders', id, actor(id)))
    await waitFor(() => cardIds(observer.doc, 'stakeholders').includes(id), 'the marker arrives')
  }
  const room = (doc: Y.Doc) => doc.getMap<unknown>(ROOM_ROOT)
  return { s, board, facilitator, observer, attempt, settle, room }
}

const actor = (label: string) => ({
  kind: 'actor',
  label,
  category: 'public',
  x: 0,
  y: 0,
  power: 0.5,
  interest: 0.5,
})

describe('what the facilitator controls, the server enforces', () => {
  it("a participant's change of the phase, timer, a vote's state, the pause or the chosen strategy reaches nobody", async () => {
    const { facilitator, observer, attempt, settle, room, s, board } = await workshop()
    facilitator.doc.transact(() =>
      putRecord(facilitator.doc, 'votes', 'v1', {
        canvas: 'problems',
        label: 'Priorità',
        dots: 3,
        state: 'open',
        createdAt: '2026-12-02T09:00:00.000Z',
      }),
    )
    await waitFor(() => collectionRoot(observer.doc, 'votes').get('v1'), 'the vote arrives')
    const timer = { durationMs: 300_000, running: true, endsAt: Date.now(), remainingMs: 300_000 }
    const changes: [string, (doc: Y.Doc) => void][] = [
      ['phase', (d) => metaRoot(d).set('phase', 'pact')],
      ['chosen strategy', (d) => metaRoot(d).set('chosenStrategy', 'c1')],
      ['timer', (d) => room(d).set('timer', timer)],
      ['pause', (d) => room(d).set('frozen', true)],
      ['locks', (d) => room(d).set('locks', ['stakeholders'])],
      ['vote state', (d) => collectionRoot(d, 'votes').get('v1')!.set('state', 'revealed')],
      ['vote deleted', (d) => collectionRoot(d, 'votes').delete('v1')],
    ]
    for (const [what, change] of changes) {
      const { code } = await attempt(change)
      expect(code, what).toBe(REFUSAL_CLOSE.facilitator.code)
    }
    await settle()
    for (const doc of [observer.doc, facilitator.doc]) {
      expect(metaRoot(doc).get('phase')).toBe('problems')
      expect(metaRoot(doc).get('chosenStrategy') ?? '').toBe('')
      expect(room(doc).size).toBe(0)
      expect(collectionRoot(doc, 'votes').get('v1')?.get('state')).toBe('open')
    }
    const exported = (await exportJson(s.url, board.id, board.keys.viewer)) as {
      phase: string
      votes: { votes: { state: string }[] }
    }
    expect(exported.phase).toBe('problems')
    expect(exported.votes.votes.map((v) => v.state)).toEqual(['open'])
    // the facilitator's own changes go through
    facilitator.doc.transact(() => room(facilitator.doc).set('timer', timer))
    await waitFor(() => room(observer.doc).get('timer'), "the facilitator's timer arrives")
  })

  it("a frozen board refuses a participant's edit, offline edits included, and the client stays away", async () => {
    const { facilitator, observer, attempt, settle, room, s, board } = await workshop()
    // made offline, before the pause: sent when the client reconnects
    const offline = new Y.Doc()
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(facilitator.doc))
    putCard(offline, 'problems', 'offline', problemCard('Scritta offline'))
    facilitator.doc.transact(() => room(facilitator.doc).set('frozen', true))
    await waitFor(() => room(observer.doc).get('frozen') === true, 'the pause arrives')

    const live = await attempt((d) => putCard(d, 'problems', 'live', problemCard('Durante')))
    expect(live.code).toBe(REFUSAL_CLOSE.frozen.code)
    const late = await attempt(() => {}, offline)
    expect(late.code).toBe(REFUSAL_CLOSE.frozen.code)
    // the facilitator still writes
    facilitator.doc.transact(() =>
      putCard(facilitator.doc, 'problems', 'f', problemCard('Facilitatore')),
    )
    await settle()
    expect(cardIds(observer.doc, 'problems')).toEqual(['f'])
    // nobody reconnects on its own: the same update would be refused again
    expect([live, late].map(({ attacker }) => attacker.provider.wsconnected)).toEqual([
      false,
      false,
    ])

    facilitator.doc.transact(() => room(facilitator.doc).set('frozen', false))
    await waitFor(() => room(observer.doc).get('frozen') === false, 'the pause ends')
    // once the pause ends, the same offline edits go through
    const back = connectClient(s.url, board.id, board.keys.participant, offline)
    later(() => back.destroy())
    await waitFor(
      () => cardIds(facilitator.doc, 'problems').includes('offline'),
      'the offline edit after the pause',
    )
  })

  it('logs a refusal for what it is: a pause as information, a change of the facilitator’s as a warning, neither as a malformed message', async () => {
    const lines: { level: number; msg: string; kind?: string }[] = []
    const { facilitator, observer, attempt, room } = await workshop({
      logLevel: 'info',
      logStream: { write: (line) => void lines.push(JSON.parse(line)) },
    })
    facilitator.doc.transact(() => room(facilitator.doc).set('frozen', true))
    await waitFor(() => room(observer.doc).get('frozen') === true, 'the pause arrives')
    // a page with changes refused tries again every 15 s while the pause lasts: no alarm
    await attempt((d) => putCard(d, 'problems', 'live', problemCard('Durante')))
    facilitator.doc.transact(() => room(facilitator.doc).set('frozen', false))
    await waitFor(() => room(observer.doc).get('frozen') === false, 'the pause ends')
    await attempt((d) => room(d).set('frozen', true))
    const refused = lines.filter((l) => l.msg === 'update refused: connection closed')
    expect(refused.map((l) => [l.kind, l.level])).toEqual([
      ['frozen', 30],
      ['facilitator', 40],
    ])
    expect(lines.filter((l) => l.msg.startsWith('malformed'))).toEqual([])
  })

  it('a locked phase refuses edits to its collections but not to the others', async () => {
    const { facilitator, observer, attempt, settle, room } = await workshop()
    facilitator.doc.transact(() => room(facilitator.doc).set('locks', ['problems']))
    await waitFor(() => (room(observer.doc).get('locks') as string[])?.length, 'the lock arrives')
    const { code } = await attempt((d) => putCard(d, 'problems', 'x', problemCard('Bloccata')))
    expect(code).toBe(REFUSAL_CLOSE.locked.code)
    observer.doc.transact(() => putCard(observer.doc, 'stakeholders', 'a', actor('Comune')))
    await waitFor(
      () => cardIds(facilitator.doc, 'stakeholders').includes('a'),
      'an actor while problems are locked',
    )
    await settle()
    expect(cardIds(facilitator.doc, 'problems')).toEqual([])
  })

  it('dots go into an open vote only: a late one is taken back, and its writer goes on writing', async () => {
    const { facilitator, observer } = await workshop()
    facilitator.doc.transact(() =>
      putRecord(facilitator.doc, 'votes', 'v1', {
        canvas: 'problems',
        label: '',
        dots: 2,
        state: 'open',
        createdAt: '2026-12-02T09:00:00.000Z',
      }),
    )
    await waitFor(() => collectionRoot(observer.doc, 'votes').get('v1'), 'the vote arrives')
    const dot = (id: string) => (d: Y.Doc) =>
      putRecord(d, 'votes.dots', id, { vote: 'v1', card: 'c', voter: 'anna' })
    observer.doc.transact(() => dot('d1')(observer.doc))
    await waitFor(() => collectionRoot(facilitator.doc, 'votes.dots').get('d1'), 'a dot arrives')
    facilitator.doc.transact(() =>
      collectionRoot(facilitator.doc, 'votes').get('v1')!.set('state', 'closed'),
    )
    await waitFor(
      () => collectionRoot(observer.doc, 'votes').get('v1')!.get('state') === 'closed',
      'the vote closes',
    )
    // a dot placed after the close (as by a page that was offline while the vote was open)
    // goes in and is taken back by the server; what its writer does next is not held behind it
    observer.doc.transact(() => dot('d2')(observer.doc))
    observer.doc.transact(() => putCard(observer.doc, 'stakeholders', 'after', actor('after')))
    await waitFor(
      () => cardIds(facilitator.doc, 'stakeholders').includes('after'),
      'the next change arrives',
    )
    await waitFor(
      () => !collectionRoot(observer.doc, 'votes.dots').has('d2'),
      'the late dot taken back on its own page',
    )
    expect([...collectionRoot(facilitator.doc, 'votes.dots').keys()]).toEqual(['d1'])
    expect(observer.provider.wsconnected).toBe(true)
  })
})

describe('the server clock', () => {
  it('answers its time, never cached, for the pages to measure their offset', async () => {
    const s = await server()
    const before = Date.now()
    const res = await fetch(`${s.url}/api/time`)
    const after = Date.now()
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const { now } = (await res.json()) as { now: number }
    expect(now).toBeGreaterThanOrEqual(before)
    expect(now).toBeLessThanOrEqual(after)
  })
})
