import { useSyncExternalStore } from 'react'
import { z } from 'zod'
import { BOARD_ID_PATTERN, ROLES, type Role } from '../../shared/protocol.ts'

/** The boards this browser created or joined, for one click back from the home page. */
export const RECENT_BOARDS_KEY = 'trama.recentBoards'
export const MAX_RECENT_BOARDS = 30
const CHANGE_EVENT = 'trama:recent-boards'

const entrySchema = z.object({
  id: z.string().regex(BOARD_ID_PATTERN),
  title: z.string().max(500),
  role: z.enum(ROLES),
  key: z.string().regex(/^[A-Za-z0-9_-]{16,200}$/),
  openedAt: z.iso.datetime(),
  /**
   * When this browser brought the board in from a JSON export: a copy, listed with its
   * original's title and role, that the list tells apart by this.
   */
  importedAt: z.iso.datetime().optional(),
})

export type RecentBoard = z.infer<typeof entrySchema>

/** Higher is more: remembering a lesser role never replaces a stronger key already stored. */
const RANK: Record<Role, number> = { viewer: 0, participant: 1, facilitator: 2 }

/** Parses what is stored: corrupt JSON gives [], invalid entries are dropped. */
export function parseRecentBoards(raw: string | null): RecentBoard[] {
  if (!raw) return []
  let data: unknown
  try {
    data = JSON.parse(raw)
  } catch {
    return []
  }
  if (!Array.isArray(data)) return []
  const valid = data
    .map((item) => entrySchema.safeParse(item))
    .flatMap((entry) => (entry.success ? [entry.data] : []))
    .sort((a, b) => Date.parse(b.openedAt) - Date.parse(a.openedAt))
  // One entry per board: the newest wins.
  const seen = new Set<string>()
  const boards = valid.filter((b) => !seen.has(b.id) && seen.add(b.id))
  return boards.slice(0, MAX_RECENT_BOARDS)
}

function readRaw(): string | null {
  try {
    return localStorage.getItem(RECENT_BOARDS_KEY)
  } catch {
    return null
  }
}

function write(boards: RecentBoard[]): void {
  try {
    localStorage.setItem(RECENT_BOARDS_KEY, JSON.stringify(boards.slice(0, MAX_RECENT_BOARDS)))
  } catch {
    // storage full or disabled (private mode): the list is a convenience, not data
  }
  window.dispatchEvent(new Event(CHANGE_EVENT))
}

/** The remembered boards, newest first (at most 30). */
export function listRecentBoards(): RecentBoard[] {
  return parseRecentBoards(readRaw())
}

/**
 * Remembers (or refreshes) a board as opened now. One entry per board: opening it again with a
 * lesser role (e.g. a facilitator trying the participant link) keeps the stronger key stored,
 * and a board imported here stays marked as such (`importedAt`, given when it is imported).
 */
export function rememberBoard(entry: {
  id: string
  title: string
  role: Role
  key: string
  importedAt?: string
}): void {
  const next = entrySchema.safeParse({ ...entry, openedAt: new Date().toISOString() })
  if (!next.success) return
  const boards = listRecentBoards()
  const previous = boards.find((b) => b.id === entry.id)
  const keepPrevious = previous && RANK[previous.role] > RANK[next.data.role]
  const merged: RecentBoard = keepPrevious
    ? { ...previous, title: next.data.title, openedAt: next.data.openedAt }
    : next.data
  const importedAt = next.data.importedAt ?? previous?.importedAt
  if (importedAt) merged.importedAt = importedAt
  write([merged, ...boards.filter((b) => b.id !== entry.id)])
}

/** Removes a board from the list (the board itself is untouched). */
export function forgetBoard(id: string): void {
  write(listRecentBoards().filter((b) => b.id !== id))
}

// React binding: re-renders on changes from this tab (CHANGE_EVENT) and from others (storage).
let cache: { raw: string | null; boards: RecentBoard[] } = { raw: null, boards: [] }

function snapshot(): RecentBoard[] {
  const raw = readRaw()
  if (raw !== cache.raw) cache = { raw, boards: parseRecentBoards(raw) }
  return cache.boards
}

function subscribe(onChange: () => void): () => void {
  const onStorage = (e: StorageEvent) => {
    if (e.key === null || e.key === RECENT_BOARDS_KEY) onChange()
  }
  window.addEventListener(CHANGE_EVENT, onChange)
  window.addEventListener('storage', onStorage)
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange)
    window.removeEventListener('storage', onStorage)
  }
}

const NONE: RecentBoard[] = []

export function useRecentBoards(): RecentBoard[] {
  return useSyncExternalStore(subscribe, snapshot, () => NONE)
}
