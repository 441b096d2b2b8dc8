import { BOARD_ID_PATTERN, SYNC_PATH } from '../../shared/protocol.ts'

/** A link's key: url-safe, as the server makes them. */
export const KEY_PATTERN = /^[A-Za-z0-9_-]{16,200}$/

export type BoardLink = { boardId: string; key: string }

/**
 * The board a location points to: `/b/<id>#key=<key>` (or `?key=`, as older links had it).
 * `null` for any other page, `'invalid'` for a board link whose id or key is not one. No
 * dependency: the early start (client/boot/early.ts) reads the link before the app loads.
 */
export function boardLinkOf(
  location: Pick<Location, 'pathname' | 'hash' | 'search'>,
): BoardLink | 'invalid' | null {
  const match = /^\/b\/([^/]+)\/?$/.exec(location.pathname)
  if (!match) return null
  let boardId: string
  try {
    boardId = decodeURIComponent(match[1]!)
  } catch {
    return 'invalid'
  }
  const params = new URLSearchParams(location.hash.replace(/^#/, ''))
  const key = params.get('key') ?? new URLSearchParams(location.search).get('key')
  if (!BOARD_ID_PATTERN.test(boardId) || key === null || !KEY_PATTERN.test(key)) return 'invalid'
  return { boardId, key }
}

/** Where the page asks which role the link's key grants (GET, answered with JSON). */
export function boardInfoUrl({ boardId, key }: BoardLink): string {
  return `/api/boards/${encodeURIComponent(boardId)}?key=${encodeURIComponent(key)}`
}

/** Where the page asks for what it draws first (shared/schema/preview.ts; GET, JSON). */
export function boardPreviewUrl({ boardId, key }: BoardLink): string {
  return `/api/boards/${encodeURIComponent(boardId)}/preview?key=${encodeURIComponent(key)}`
}

/** ws(s)://host of this page. */
export function pageWsOrigin(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`
}

/**
 * The board's sync socket, as y-websocket spells it (`<origin>/sync/<room>?key=<key>`, the
 * room as it is, the key encoded): the early start opens this one, and the session's provider
 * takes it over only if it asks for the same address.
 */
export function boardSyncUrl(wsOrigin: string, { boardId, key }: BoardLink): string {
  return `${wsOrigin}${SYNC_PATH}/${boardId}?key=${encodeURIComponent(key)}`
}
