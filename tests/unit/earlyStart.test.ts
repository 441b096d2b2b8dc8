import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import * as syncProtocol from 'y-protocols/sync'
import { boardLinkOf, boardSyncUrl } from '../../client/app/boardLink.ts'
import { parseRoute } from '../../client/app/route.ts'
import { ASK_WHOLE_BOARD, type EarlySocket } from '../../client/boot/early.ts'
import { TakenSocket } from '../../client/sync/earlySocket.ts'
import { KEY, idleProviders, syncFrame } from '../helpers/idleProvider.ts'

const provider = idleProviders()
const frame = syncFrame

describe('the early start', () => {
  it('asks for the whole board as y-protocols does for an empty document', () => {
    expect(ASK_WHOLE_BOARD).toEqual(frame((e) => syncProtocol.writeSyncStep1(e, new Y.Doc())))
  })

  it('opens the socket address the provider asks for, keys with any allowed character', () => {
    for (const key of [KEY, 'A'.repeat(200), '0123456789-_-_-_-_']) {
      const p = provider(new Y.Doc(), key)
      expect(boardSyncUrl('ws://127.0.0.1:1', { boardId: 'board_1234', key })).toBe(p.url)
    }
  })

  it('reads board links as the app does', () => {
    const at = (pathname: string, hash = '', search = '') => ({ pathname, hash, search })
    expect(boardLinkOf(at('/'))).toBeNull()
    expect(boardLinkOf(at('/b/board_1234', `#key=${KEY}`))).toEqual({
      boardId: 'board_1234',
      key: KEY,
    })
    expect(boardLinkOf(at('/b/board_1234/', '', `?key=${KEY}`))).toEqual({
      boardId: 'board_1234',
      key: KEY,
    })
    expect(boardLinkOf(at('/b/board_1234', '#key=short'))).toBe('invalid')
    expect(boardLinkOf(at('/b/board_1234'))).toBe('invalid')
    expect(boardLinkOf(at('/b/bad%20id!', `#key=${KEY}`))).toBe('invalid')
    expect(boardLinkOf(at('/b/%E0%A4%A', `#key=${KEY}`))).toBe('invalid')
    expect(parseRoute(at('/b/%E0%A4%A', `#key=${KEY}`))).toEqual({ page: 'invalid-link' })
    expect(parseRoute(at('/b/board_1234', `#key=${KEY}`))).toEqual({
      page: 'board',
      boardId: 'board_1234',
      key: KEY,
    })
    expect(parseRoute(at('/altro'))).toEqual({ page: 'home' })
  })
})

/** A socket as the early start leaves it: real events recorded, then forwarded. */
function earlySocket(asked: boolean) {
  const target = new EventTarget()
  const sent: Uint8Array[] = []
  const socket = Object.assign(target, {
    readyState: 1,
    send: (data: Uint8Array) => sent.push(data),
    close: vi.fn(),
  }) as unknown as WebSocket
  const early: EarlySocket = {
    url: 'ws://x/sync/b?key=k',
    socket,
    events: [],
    forward: null,
    askedWholeBoard: asked,
  }
  const emit = (event: Event) => (early.forward ? early.forward(event) : early.events.push(event))
  return { early, sent, emit }
}

const message = (bytes: number[]) => new MessageEvent('message', { data: Uint8Array.from(bytes) })

describe('the socket the provider takes over', () => {
  it('replays what came before in order, then passes on what comes', async () => {
    const { early, emit } = earlySocket(true)
    emit(new Event('open'))
    emit(message([0, 0, 1, 0]))
    emit(message([0, 1, 5]))
    const taken = new TakenSocket(early)
    const seen: string[] = []
    taken.onopen = () => seen.push('open')
    taken.onmessage = (e) => seen.push(`message ${Array.from(e.data as Uint8Array).join(',')}`)
    taken.onclose = (e) => seen.push(`close ${e.code}`)
    expect(seen).toEqual([])
    await Promise.resolve()
    expect(seen).toEqual(['open', 'message 0,0,1,0', 'message 0,1,5'])
    emit(message([1, 2]))
    emit(Object.assign(new Event('close'), { code: 4426 })) // (Node has no CloseEvent)
    expect(seen.slice(3)).toEqual(['message 1,2', 'close 4426'])
    expect(early.events).toEqual([])
  })

  it('does not ask for the board twice when the early start asked', () => {
    const { early, sent } = earlySocket(true)
    const taken = new TakenSocket(early)
    const step1 = frame((e) => syncProtocol.writeSyncStep1(e, new Y.Doc()))
    const awareness = Uint8Array.of(1, 3, 0, 0, 0)
    taken.send(step1)
    taken.send(awareness)
    taken.send(step1) // a later resync is the provider's to make
    expect(sent).toEqual([awareness, step1])
  })

  it('asks when the early start did not', () => {
    const { early, sent } = earlySocket(false)
    const step1 = frame((e) => syncProtocol.writeSyncStep1(e, new Y.Doc()))
    new TakenSocket(early).send(step1)
    expect(sent).toEqual([step1])
  })
})
