import type { FastifyBaseLogger } from 'fastify'
import { History, type HistoryOptions } from './recorder.ts'
import { openSqliteHistory } from './sqlite.ts'
import type { HistoryStore } from './types.ts'

export { History } from './recorder.ts'
export type { HistoryStore } from './types.ts'

/**
 * The board history of a server: in PostgreSQL when `databaseUrl` is set (every server of a
 * deployment shares it, as it shares the boards), otherwise SQLite in `dataDir` (its own file,
 * `history.sqlite`).
 */
export async function openHistory(
  options: { dataDir: string; databaseUrl?: string; log: FastifyBaseLogger } & Partial<
    Omit<HistoryOptions, 'log'>
  >,
): Promise<History> {
  const { dataDir, databaseUrl, store, ...rest } = options
  return new History({
    store: store ?? (await openHistoryStore(dataDir, databaseUrl, rest.log)),
    ...rest,
  })
}

async function openHistoryStore(
  dataDir: string,
  databaseUrl: string | undefined,
  log: FastifyBaseLogger,
): Promise<HistoryStore> {
  if (!databaseUrl) return openSqliteHistory(dataDir)
  const { openPostgresHistory } = await import('./postgres.ts')
  return openPostgresHistory(databaseUrl, {
    onError: (err) => log.warn({ err: err.message }, 'history: PostgreSQL connection lost'),
  })
}

type Hook = (...args: never[]) => unknown

/**
 * Several sets of room hooks as one: each hook runs every set's in turn (awaiting those that
 * return a promise); `mayCompact` asks the first set that has one.
 */
export function combineHooks<T extends object>(...sets: (T | undefined)[]): T {
  const present = sets.filter((s): s is T => !!s)
  const out: Record<string, Hook> = {}
  const names = new Set(present.flatMap((s) => Object.keys(s)))
  for (const name of names) {
    const fns = present
      .map((s) => (s as Record<string, Hook | undefined>)[name])
      .filter((f): f is Hook => typeof f === 'function')
    if (name === 'mayCompact') {
      out[name] = fns[0]!
      continue
    }
    out[name] = ((...args: never[]) => {
      let pending: Promise<unknown> | null = null
      for (const fn of fns) {
        pending = pending ? pending.then(() => fn(...args)) : toPromiseIf(fn(...args))
      }
      return pending ?? undefined
    }) as Hook
  }
  return out as T
}

function toPromiseIf(value: unknown): Promise<unknown> | null {
  return value instanceof Promise ? value : null
}
