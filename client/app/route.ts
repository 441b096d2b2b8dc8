import { z } from 'zod'
import { BOARD_ID_PATTERN } from '../../shared/protocol.ts'

export type Route =
  { page: 'home' } | { page: 'board'; boardId: string; key: string } | { page: 'invalid-link' }

const keySchema = z.string().regex(/^[A-Za-z0-9_-]{16,200}$/)

/**
 * Board links look like `/b/<id>#key=<key>`: the key stays in the fragment, so it never reaches
 * server logs or other sites' Referer headers.
 */
export function parseRoute(location: Pick<Location, 'pathname' | 'hash' | 'search'>): Route {
  const match = /^\/b\/([^/]+)\/?$/.exec(location.pathname)
  if (!match) return { page: 'home' }
  const boardId = decodeURIComponent(match[1]!)
  const params = new URLSearchParams(location.hash.replace(/^#/, ''))
  const key = keySchema.safeParse(
    params.get('key') ?? new URLSearchParams(location.search).get('key'),
  )
  if (!BOARD_ID_PATTERN.test(boardId) || !key.success) return { page: 'invalid-link' }
  return { page: 'board', boardId, key: key.data }
}

export function boardPath(boardId: string, key: string): string {
  return `/b/${encodeURIComponent(boardId)}#key=${encodeURIComponent(key)}`
}
