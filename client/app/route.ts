import { boardLinkOf } from './boardLink.ts'

export type Route =
  { page: 'home' } | { page: 'board'; boardId: string; key: string } | { page: 'invalid-link' }

/**
 * Board links look like `/b/<id>#key=<key>`: the key stays in the fragment, so it never reaches
 * server logs or other sites' Referer headers.
 */
export function parseRoute(location: Pick<Location, 'pathname' | 'hash' | 'search'>): Route {
  const link = boardLinkOf(location)
  if (link === null) return { page: 'home' }
  if (link === 'invalid') return { page: 'invalid-link' }
  return { page: 'board', ...link }
}

export function boardPath(boardId: string, key: string): string {
  return `/b/${encodeURIComponent(boardId)}#key=${encodeURIComponent(key)}`
}
