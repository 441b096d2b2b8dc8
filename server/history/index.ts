import type { FastifyBaseLogger } from 'fastify'
import { History, type HistoryOptions } from './recorder.ts'
import { openSqliteHistory } from './sqlite.ts'

export { History } from './recorder.ts'
export type { HistoryStore } from './types.ts'

/** The board history of a server: SQLite in `dataDir` (its own file, `history.sqlite`). */
export function openHistory(
  options: { dataDir: string; log: FastifyBaseLogger } & Partial<Omit<HistoryOptions, 'log'>>,
): History {
  const { dataDir, store, ...rest } = options
  return new History({ store: store ?? openSqliteHistory(dataDir), ...rest })
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
