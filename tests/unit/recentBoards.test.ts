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

  it('keeps a board imported here marked as a copy when it is opened again, by any link', () => {
    const store = new Map<string, string>()
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    })
    vi.stubGlobal('window', new EventTarget())
    try {
      const key = (c: string) => c.repeat(32)
      const importedAt = '2026-12-05T08:00:00.000Z'
      rememberBoard({ id: 'boardORIG', title: 'Patto', role: 'facilitator', key: key('o') })
      rememberBoard({
        id: 'boardCOPY',
        title: 'Patto',
        role: 'facilitator',
        key: key('f'),
        importedAt,
      })
      // the board page remembers it again as it opens, with no word of the import
      rememberBoard({ id: 'boardCOPY', title: 'Patto', role: 'facilitator', key: key('f') })
      rememberBoard({ id: 'boardCOPY', title: 'Patto', role: 'participant', key: key('p') })
      expect(listRecentBoards().map((b) => [b.id, b.title, b.importedAt])).toEqual([
        ['boardCOPY', 'Patto', importedAt],
        ['boardORIG', 'Patto', undefined],
      ])
      // a stored entry with a date that is none is dropped, not shown as a copy
      store.set(
        'trama.recentBoards',
        JSON.stringify([{ ...listRecentBoards()[0], importedAt: 'ieri' }]),
      )
      expect(listRecentBoards()).toEqual([])
    } finally {
      vi.unstubAllGlobals()
    }
  })
})
