import { describe, expect, it, vi } from 'vitest'
import { forgetBoard, listRecentBoards, rememberBoard } from '../../client/home/recentBoards.ts'

describe('recent boards (what the board page calls)', () => {
  it('remembers one entry per board, keeps the stronger key, forgets on request', () => {
    const store = new Map<string, string>()
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    })
    vi.stubGlobal('window', new EventTarget())
    try {
      const key = (c: string) => c.repeat(32)
      rememberBoard({ id: 'boardAAAA', title: 'A', role: 'facilitator', key: key('f') })
      rememberBoard({ id: 'boardBBBB', title: 'B', role: 'participant', key: key('p') })
      // A facilitator trying the participant link keeps the facilitator key, title refreshed.
      rememberBoard({ id: 'boardAAAA', title: 'A2', role: 'participant', key: key('q') })
      expect(listRecentBoards().map((b) => [b.id, b.title, b.role, b.key])).toEqual([
        ['boardAAAA', 'A2', 'facilitator', key('f')],
        ['boardBBBB', 'B', 'participant', key('p')],
      ])
      rememberBoard({ id: 'boardBBBB', title: 'B', role: 'facilitator', key: key('g') })
      expect(listRecentBoards()[0]).toMatchObject({ id: 'boardBBBB', role: 'facilitator' })
      rememberBoard({ id: 'bad id!', title: 'X', role: 'viewer', key: key('v') }) // ignored
      forgetBoard('boardAAAA')
      expect(listRecentBoards().map((b) => b.id)).toEqual(['boardBBBB'])
      for (let i = 0; i < 40; i++)
        rememberBoard({ id: `board${1000 + i}`, title: `${i}`, role: 'viewer', key: key('v') })
      expect(listRecentBoards()).toHaveLength(30)
      expect(JSON.parse(store.get('trama.recentBoards')!)).toHaveLength(30)
    } finally {
      vi.unstubAllGlobals()
    }
  })
})
