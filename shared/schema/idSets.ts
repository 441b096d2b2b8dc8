import * as Y from 'yjs'
import type { FieldMap } from './roots.ts'

/**
 * A set of ids kept as a shared list (a `Y.Array` of ids under a record's field): the
 * collections' `idSets` (a body's members, an actor's objectives, a card's tags). Written as a
 * plain list, the field was replaced whole by each writer: two people adding a member at the
 * same moment each wrote the list they saw plus theirs, and one addition was lost. Here each
 * adds or removes only the ids they mean: Yjs keeps both insertions, and a removal takes out
 * only the entries the remover saw. Two people adding the same id leave it twice in the list;
 * readers see each id once ({@link readIdSet}).
 */
export type IdSet = Y.Array<string>

/** A new shared list of the strings of `values`, each once (other values are no ids: left out). */
export function newIdSet(values: readonly unknown[]): IdSet {
  const list = new Y.Array<string>()
  list.push(unique(values.filter((v): v is string => typeof v === 'string')))
  return list
}

/** The ids of a shared list (its items), each once, in the list's order. */
export function readIdSet(items: readonly string[]): string[] {
  return unique(items)
}

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)]

/**
 * The shared list of a record's field, made from the plain list it held (an older board, a
 * stock client) when needed; a field that held no list starts empty. Call inside a transaction.
 */
export function sharedIdSet(map: FieldMap, field: string): IdSet {
  const current = map.get(field)
  if (current instanceof Y.Array) return current as IdSet
  const list = newIdSet(Array.isArray(current) ? current : [])
  map.set(field, list)
  return list
}

/** Adds ids not in the list and removes every entry of the ids to remove. */
export function editIdSet(
  list: IdSet,
  { add = [], remove = [] }: { add?: readonly string[]; remove?: readonly string[] },
): void {
  const gone = new Set(remove)
  const items = list.toArray()
  for (let i = items.length - 1; i >= 0; i--) if (gone.has(items[i]!)) list.delete(i, 1)
  const present = new Set(list.toArray())
  const added = unique(add.filter((id) => !gone.has(id) && !present.has(id)))
  if (added.length) list.push(added)
}

/**
 * Makes the list hold exactly `ids` (a whole list written at once: an import, a restore), by
 * the smallest edit: what others add meanwhile to ids not touched here stays.
 */
export function replaceIdSet(list: IdSet, ids: readonly unknown[]): void {
  const next = new Set(ids.filter((v): v is string => typeof v === 'string'))
  const current = new Set(list.toArray())
  editIdSet(list, {
    add: [...next].filter((id) => !current.has(id)),
    remove: [...current].filter((id) => !next.has(id)),
  })
}
