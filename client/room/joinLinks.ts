import { z } from 'zod'

const KEY = 'trama.joinLinks'
const MAX = 50
const linksSchema = z.record(z.string(), z.string().max(2000))

/** A participants' link this browser may publish: http(s), the board's own path. */
export function isJoinLink(boardId: string, link: string): boolean {
  try {
    const url = new URL(link)
    return (
      /^https?:$/.test(url.protocol) &&
      url.pathname === `/b/${boardId}` &&
      /^#key=[A-Za-z0-9_-]{16,200}$/.test(url.hash)
    )
  } catch {
    return false
  }
}

function read(): Record<string, string> {
  try {
    const parsed = linksSchema.safeParse(JSON.parse(localStorage.getItem(KEY) ?? '{}'))
    return parsed.success ? parsed.data : {}
  } catch {
    return {}
  }
}

/**
 * The participants' link of a board, as this browser learnt it (creating the board, or pasted
 * by the facilitator): the server keeps only hashes of keys, so no page can ask for it later.
 */
export function joinLinkOf(boardId: string): string | null {
  const link = read()[boardId]
  return link && isJoinLink(boardId, link) ? link : null
}

export function rememberJoinLink(boardId: string, given: string): void {
  let link = given
  try {
    link = new URL(given, location.href).href
  } catch {
    return
  }
  if (!isJoinLink(boardId, link)) return
  const links = { ...read(), [boardId]: link }
  const ids = Object.keys(links)
  for (const id of ids.slice(0, Math.max(0, ids.length - MAX))) delete links[id]
  try {
    localStorage.setItem(KEY, JSON.stringify(links))
  } catch {
    // private mode: the link lasts for this page only
  }
}
