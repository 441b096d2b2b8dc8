import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { watchLiveness } from '../../client/sync/liveness.ts'

/** The provider's side the watch reads and acts on, driven by hand under a fake clock. */
function fakeProvider() {
  const sent: number[][] = []
  const p = {
    wsconnected: true,
    wsLastMessageReceived: 0,
    ws: { readyState: 1, send: (data: Uint8Array) => void sent.push([...data]) },
    reconnects: 0,
    disconnect() {
      p.wsconnected = false
    },
    connect() {
      p.reconnects += 1
      p.wsconnected = true
    },
    /** A message from the server is handled now. */
    receive() {
      p.wsLastMessageReceived = Date.now()
    },
  }
  return { p, sent, provider: p as unknown as WebsocketProvider }
}

function watched() {
  const fake = fakeProvider()
  const quiet: boolean[] = []
  const watch = watchLiveness(fake.provider, (q) => quiet.push(q))
  return { ...fake, quiet, watch }
}

describe('finding a half-open connection after an edit', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-12-05T10:00:00Z'))
  })
  afterEach(() => vi.useRealTimers())

  it('a message handled after the edit but before the question does not count as the server heard', async () => {
    const { p, sent, quiet, watch } = watched()
    watch.edited()
    // a frame the server sent before the Wi-Fi went silent, handled after the edit
    await vi.advanceTimersByTimeAsync(100)
    p.receive()
    await vi.advanceTimersByTimeAsync(1_400)
    expect(sent[0]).toEqual([3])
    await vi.advanceTimersByTimeAsync(2_000)
    expect(quiet).toEqual([true])
    await vi.advanceTimersByTimeAsync(6_500)
    expect(p.reconnects).toBe(1)
    expect(quiet).toEqual([true, false])
  })

  it('an answer after the question ends the watch, and the badge never turns', async () => {
    const { p, sent, quiet, watch } = watched()
    watch.edited()
    await vi.advanceTimersByTimeAsync(1_500)
    expect(sent).toEqual([[3]])
    await vi.advanceTimersByTimeAsync(20)
    p.receive()
    await vi.advanceTimersByTimeAsync(15_000)
    expect(quiet).toEqual([])
    expect(p.reconnects).toBe(0)
    expect(sent).toHaveLength(1)
  })

  it('a message in the same millisecond as the question is not taken for its answer; the question is asked again', async () => {
    const { p, sent, quiet, watch } = watched()
    watch.edited()
    await vi.advanceTimersByTimeAsync(1_500)
    p.receive()
    // checked every 500 ms, asked again 1.2 s or more after: at 3 s
    await vi.advanceTimersByTimeAsync(1_500)
    expect(sent).toEqual([[3], [3]])
    await vi.advanceTimersByTimeAsync(5)
    p.receive()
    await vi.advanceTimersByTimeAsync(10_000)
    expect(quiet).toEqual([])
    expect(p.reconnects).toBe(0)
  })

  it('an answer after the badge turned sets it back, and a later edit is watched again', async () => {
    const { p, quiet, watch } = watched()
    watch.edited()
    await vi.advanceTimersByTimeAsync(4_000)
    expect(quiet).toEqual([true])
    p.receive()
    await vi.advanceTimersByTimeAsync(500)
    expect(quiet).toEqual([true, false])
    watch.edited()
    await vi.advanceTimersByTimeAsync(4_000)
    expect(quiet).toEqual([true, false, true])
  })

  it('nothing is watched while the page is not connected', async () => {
    const { p, sent, quiet, watch } = watched()
    p.wsconnected = false
    watch.edited()
    await vi.advanceTimersByTimeAsync(15_000)
    expect(sent).toEqual([])
    expect(quiet).toEqual([])
  })
})
