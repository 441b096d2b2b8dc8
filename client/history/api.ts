import type { Role } from '../../shared/protocol.ts'

/** What the history API answers (server/http/history.ts). */
export interface Version {
  id: number
  at: number
  reason: string
  name: string | null
  role: Role | null
  author: string | null
  counts: Record<string, number>
  bytes: number
}

export interface Touched {
  id: string
  label: string
}

export interface ActivityEntry {
  id: number
  at: number
  until: number
  role: Role | null
  name: string | null
  changes: Record<
    string,
    {
      created: Touched[]
      edited: Touched[]
      deleted: Touched[]
      more?: Partial<Record<'created' | 'edited' | 'deleted', number>>
    }
  >
  /** The entry of a restore: of a version, or of records from the bin. */
  restore?: 'version' | 'bin' | null
}

export interface BinEntry {
  id: number
  at: number
  role: Role | null
  name: string | null
  collection: string
  recordId: string
  label: string
}

export interface Comparison {
  added: Touched[]
  removed: Touched[]
  reworded: (Touched & { before: string })[]
  changed: number
}

/** A refusal of the API, by its error code (shared/errors.ts). */
export class HistoryApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`${status} ${code}`)
  }
}

/** The page's time zone (Europe/Rome), or none where the browser does not say. */
function pageTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? ''
  } catch {
    return ''
  }
}

/** Calls the history API of one board with this page's key. */
export function historyApi(boardId: string, key: string) {
  const base = `/api/boards/${encodeURIComponent(boardId)}`
  const call = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${base}${path}?key=${encodeURIComponent(key)}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const json = (await res.json().catch(() => null)) as { error?: { code?: string } } | null
    if (!res.ok) throw new HistoryApiError(res.status, json?.error?.code ?? 'other')
    return json as T
  }
  return {
    versions: () =>
      call<{ versions: Version[]; storage: { versions: number; bytes: number; maxBytes: number } }>(
        'GET',
        '/versions',
      ),
    save: (name: string, author: string | null) =>
      call<Version>('POST', '/versions', { name, ...(author ? { author } : {}) }),
    /** The version in the export format (`GET …/versions/:v/export.json`). */
    exportOf: (v: number) => call<unknown>('GET', `/versions/${v}/export.json`),
    /**
     * The address that downloads the version as a file to import: the server names it by the
     * version's name, else its date and time in this page's time zone.
     */
    fileOf: (v: number) =>
      `${base}/versions/${v}/export.json?key=${encodeURIComponent(key)}&tz=${encodeURIComponent(pageTimeZone())}`,
    changes: (v: number) =>
      call<{ changes: Record<string, Comparison> }>('GET', `/versions/${v}/changes`),
    restore: (v: number, author: string | null) =>
      call<{ before: number }>('POST', `/versions/${v}/restore`, author ? { author } : {}),
    activity: () => call<{ activity: ActivityEntry[] }>('GET', '/activity'),
    bin: () => call<{ bin: BinEntry[] }>('GET', '/bin'),
    restoreFromBin: (entry: number, author: string | null) =>
      call<{ restored: { collection: string; id: string }[] }>(
        'POST',
        `/bin/${entry}/restore`,
        author ? { author } : {},
      ),
  }
}

export type HistoryApi = ReturnType<typeof historyApi>
