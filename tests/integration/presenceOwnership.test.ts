import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { MESSAGE_AWARENESS } from '../../shared/protocol.ts'
import { canvasRoots, putCard } from '../../shared/schema/index.ts'
import { createBoard } from '../helpers/server.ts'
import { waitFor } from '../helpers/wait.ts'
import { integrationSuite } from '../helpers/teardown.ts'

const { server, client, later } = integrationSuite()

/** An awareness frame made by hand: [clientId, clock, state] entries. */
function awarenessFrame(entries: [number, number, unknown][]): Uint8Array {
  const inner = encoding.createEncoder()
  encoding.writeVarUint(inner, entries.length)
  for (const [id, clock, state] of entries) {
    encoding.writeVarUint(inner, id)
    encoding.writeVarUint(inner, clock)
    encoding.writeVarString(inner, JSON.stringify(state))
  }
  const outer = encoding.createEncoder()
  encoding.writeVarUint(outer, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner))
  return encoding.toUint8Array(outer)
}

interface Raw {
  ws: WebSocket
  /** Bytes of awareness frames received, and the newest clock seen per client id. */
  awarenessBytes: number
  clocks: Map<number, number>
  closeCode: number | null
}

function rawSocket(url: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url)
    const raw: Raw = { ws, awarenessBytes: 0, clocks: new Map(), closeCode: null }
    ws.on('message', (data: Buffer) => {
      const bytes = new Uint8Array(data)
      if (bytes[0] !== MESSAGE_AWARENESS) return
      raw.awarenessBytes += bytes.byteLength
      const d = decoding.createDecoder(
        decoding.readVarUint8Array(decoding.createDecoder(bytes.subarray(1))),
      )
      const count = decoding.readVarUint(d)
      for (let i = 0; i < count; i++) {
        const id = decoding.readVarUint(d)
        const clock = decoding.readVarUint(d)
        decoding.readVarString(d)
        raw.clocks.set(id, Math.max(clock, raw.clocks.get(id) ?? 0))
      }
    })
    ws.on('close', (code) => (raw.closeCode = code))
    ws.on('open', () => resolve(raw))
    ws.on('error', reject)
    later(() => ws.terminate())
  })
}

const syncUrl = (url: string, id: string, key: string) =>
  `${url.replace(/^http/, 'ws')}/sync/${id}?key=${key}`

describe('presence ownership', () => {
  for (const role of ['participant', 'facilitator', 'viewer'] as const)
    it(`a ${role} cannot overwrite or remove another connection's presence`, async () => {
      const s = await server()
      const board = await createBoard(s.url)
      const victim = await client(s.url, board.id, board.keys.participant)
      const observer = await client(s.url, board.id, board.keys.participant)
      victim.provider.awareness.setLocalState({ user: { name: 'Anna' }, editing: 'card-1' })
      const victimId = victim.doc.clientID
      const seen = () =>
        observer.provider.awareness.getStates().get(victimId) as { user?: { name: string } }
      await waitFor(() => seen()?.user?.name === 'Anna', 'victim presence seen')
      const names: string[] = []
      observer.provider.awareness.on('change', () => names.push(seen()?.user?.name ?? '(gone)'))

      const attacker = await rawSocket(syncUrl(s.url, board.id, board.keys[role]))
      const clock = victim.provider.awareness.meta.get(victimId)!.clock
      attacker.ws.send(
        awarenessFrame([[victimId, clock + 10, { user: { name: 'Mallory' }, editing: 'card-2' }]]),
      )
      attacker.ws.send(awarenessFrame([[victimId, clock + 20, null]]))
      // its own presence comes after: once the observer has it, the frames before were handled
      attacker.ws.send(awarenessFrame([[424242, 1, { user: { name: 'Intruso' } }]]))
      await waitFor(
        () => observer.provider.awareness.getStates().has(424242),
        "attacker's own presence",
      )

      // (the server adds the role of the victim's link)
      expect(seen()).toEqual({ user: { name: 'Anna' }, editing: 'card-1', role: 'participant' })
      expect(names).not.toContain('Mallory')
      expect(names).not.toContain('(gone)')
      expect(victim.provider.awareness.getLocalState()).toEqual({
        user: { name: 'Anna' },
        editing: 'card-1',
      })
      // refused entries are dropped, the socket stays (stock clients echo others' presence)
      expect(attacker.closeCode).toBe(null)
      // and the victim's own changes still go through
      victim.provider.awareness.setLocalStateField('user', { name: 'Anna B.' })
      await waitFor(() => seen()?.user?.name === 'Anna B.', 'victim still in control')
    })

  it("everyone's presence says the role of their link, not the role their page claims", async () => {
    const s = await server()
    const board = await createBoard(s.url)
    const observer = await client(s.url, board.id, board.keys.participant)
    const claims = [
      [board.keys.participant, 'participant', 7001],
      [board.keys.viewer, 'viewer', 7002],
      [board.keys.facilitator, 'facilitator', 7003],
    ] as const
    for (const [key, , id] of claims) {
      const raw = await rawSocket(syncUrl(s.url, board.id, key))
      // each claims to lead the room, and to scroll the projector with it
      const top = { view: 'commitments', anchor: null, into: 0, at: 1 }
      raw.ws.send(
        awarenessFrame([[id, 1, { user: { name: 'X' }, role: 'facilitator', sight: { top } }]]),
      )
    }
    const roleOf = (id: number) =>
      (observer.provider.awareness.getStates().get(id) as { role?: string } | undefined)?.role
    await waitFor(() => claims.every(([, , id]) => roleOf(id) !== undefined), 'presence seen')
    for (const [, role, id] of claims) expect(roleOf(id)).toBe(role)
  })

  it('an id whose connection left can be taken by the next connection that sends it', async () => {
    const s = await server()
    const board = await createBoard(s.url)
    const observer = await client(s.url, board.id, board.keys.participant)
    const first = await rawSocket(syncUrl(s.url, board.id, board.keys.participant))
    first.ws.send(awarenessFrame([[5150, 1, { user: { name: 'Prima' } }]]))
    await waitFor(() => observer.provider.awareness.getStates().has(5150), 'first presence')
    first.ws.close()
    await waitFor(() => !observer.provider.awareness.getStates().has(5150), 'removed on leave')
    const second = await rawSocket(syncUrl(s.url, board.id, board.keys.participant))
    second.ws.send(awarenessFrame([[5150, 10, { user: { name: 'Seconda' } }]]))
    await waitFor(
      () =>
        (observer.provider.awareness.getStates().get(5150) as { user?: { name: string } })?.user
          ?.name === 'Seconda',
      'taken over',
    )
  })
})

describe('presence budget', () => {
  it("a presence flood is coalesced within the board's budget; edits and the last state still arrive", async () => {
    const budget = 64 * 1024
    const s = await server({ limits: { presenceBytesPerSecond: budget } })
    const board = await createBoard(s.url)
    const writer = await client(s.url, board.id, board.keys.participant)
    const reader = await client(s.url, board.id, board.keys.participant)
    const watcher = await rawSocket(syncUrl(s.url, board.id, board.keys.viewer))
    const flooder = await rawSocket(syncUrl(s.url, board.id, board.keys.participant))
    const id = 31337
    const state = { user: { name: 'Rumore' }, cursor: { x: 1, y: 2 }, pad: 'p'.repeat(8 * 1024) }
    const before = watcher.awarenessBytes

    // 100 states of 8 KiB per second for 2 s: within the message rate, 1.6 MB unthrottled
    let clock = 0
    let editArrived = -1
    let editSent = 0
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        clock += 1
        flooder.ws.send(awarenessFrame([[id, clock, { ...state, cursor: { x: clock, y: 0 } }]]))
        if (clock === 100) editSent = performance.now()
        if (clock === 100)
          writer.doc.transact(() =>
            putCard(writer.doc, 'problems', 'during', {
              kind: 'problem',
              label: 'durante',
              x: 0,
              y: 0,
              role: 'cause',
            }),
          )
        if (clock >= 200) {
          clearInterval(timer)
          resolve()
        }
      }, 10)
      canvasRoots(reader.doc, 'problems').nodes.observe(() => {
        if (editArrived < 0) editArrived = performance.now() - editSent
      })
    })
    // the newest state arrives once the flooder's share allows: coalesced, not lost
    await waitFor(() => watcher.clocks.get(id) === clock, 'last presence state delivered', 15_000)
    const received = watcher.awarenessBytes - before
    const stateBytes = JSON.stringify(state).length
    console.info(
      `presence flood: ${clock} states of ${stateBytes} B sent; one watcher received ${received} B ` +
        `(${Math.round(received / stateBytes)} states); edit sent mid-flood arrived in ${editArrived.toFixed(0)} ms`,
    )
    expect(canvasRoots(reader.doc, 'problems').nodes.has('during')).toBe(true)
    // four connections share 64 KiB/s, each state fans out to four: a handful of states reach
    // the watcher over the flood (plus the burst and one in debt), not 200
    expect(received).toBeLessThan(20 * stateBytes)
    expect(flooder.closeCode).toBe(null)
  })

  it('presence queries are answered at most once a second per connection', async () => {
    const s = await server()
    const board = await createBoard(s.url)
    const people = await client(s.url, board.id, board.keys.participant)
    people.provider.awareness.setLocalState({ user: { name: 'Qualcuno' }, pad: 'q'.repeat(4096) })
    const asker = await rawSocket(syncUrl(s.url, board.id, board.keys.viewer))
    await waitFor(() => asker.clocks.has(people.doc.clientID), 'initial presence')
    const before = asker.awarenessBytes
    for (let i = 0; i < 100; i++) asker.ws.send(Uint8Array.of(3)) // MESSAGE_QUERY_AWARENESS
    // a marker after the queries: the echo of its own presence comes once they were handled
    asker.ws.send(awarenessFrame([[8080, 1, { user: { name: 'Segnale' } }]]))
    await waitFor(() => asker.clocks.has(8080), 'own presence echoed')
    const answered = (asker.awarenessBytes - before) / 4096
    expect(answered).toBeGreaterThanOrEqual(1)
    expect(answered).toBeLessThan(3)
    expect(asker.closeCode).toBe(null)
  })
})
