import { useEffect, useState } from 'react'
import { z } from 'zod'
import { ROLES, type Role } from '../../shared/protocol.ts'
import { listRecentBoards } from '../home/recentBoards.ts'
import { boardInfoUrl } from '../app/boardLink.ts'
import { takeEarlyInfo } from '../boot/early.ts'

const infoSchema = z.object({ id: z.string(), title: z.string(), role: z.enum(ROLES) })
const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) })

export type BoardInfo = { id: string; title: string; role: Role }
export type BoardInfoState =
  | { status: 'loading' }
  | { status: 'ready'; info: BoardInfo; offline: boolean }
  | { status: 'error'; code: string; message: string }

/**
 * Asks the server which role the link's key grants (the first time, the answer to the request
 * the page made as it started). Offline, a board this browser opened before with the same key
 * opens from what it remembers, so work can go on without Wi-Fi.
 */
export function useBoardInfo(boardId: string, key: string, attempt: number): BoardInfoState {
  const [state, setState] = useState<BoardInfoState>({ status: 'loading' })
  useEffect(() => {
    let cancelled = false
    const url = boardInfoUrl({ boardId, key })
    // the page asked as it started (client/boot/early.ts): that answer, the first time
    ;(takeEarlyInfo(url) ?? fetch(url))
      .then(async (res) => {
        const body: unknown = await res.json().catch(() => null)
        if (cancelled) return
        if (res.ok) {
          const info = infoSchema.safeParse(body)
          if (info.success) setState({ status: 'ready', info: info.data, offline: false })
          else setState({ status: 'error', code: 'generic', message: 'bad answer' })
          return
        }
        const err = errorSchema.safeParse(body)
        setState({
          status: 'error',
          code: err.success ? err.data.error.code : 'generic',
          message: err.success ? err.data.error.message : `HTTP ${res.status}`,
        })
      })
      .catch(() => {
        if (cancelled) return
        const known = listRecentBoards().find((b) => b.id === boardId && b.key === key)
        if (known)
          setState({
            status: 'ready',
            info: { id: known.id, title: known.title, role: known.role },
            offline: true,
          })
        else setState({ status: 'error', code: 'network', message: 'network' })
      })
    return () => {
      cancelled = true
    }
  }, [boardId, key, attempt])
  return state
}
