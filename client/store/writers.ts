import type { Peer } from './peers.ts'

/** The others writing one text: the first (whose colour marks it) and everyone's names. */
export interface Writers {
  readonly first: Peer
  /** In the peers' order, the first's included; a name once (one person in two tabs). */
  readonly names: readonly string[]
}

/** Whether `p` writes record `id`: its `field` (a label when the peer names none), or any. */
const writes = (p: Peer, id: string, field: string | undefined) =>
  p.editing === id && (field === undefined || (p.field ?? 'label') === field)

/** The others writing record `id` (its `field`, or any of its texts), in the peers' order. */
export function writersIn(peers: readonly Peer[], id: string, field?: string): Writers | undefined {
  const all = peers.filter((p) => writes(p, id, field))
  return all.length ? { first: all[0]!, names: namesOf(all) } : undefined
}

/** The writers' names in order, each once: one person in two tabs is not «Anna e Anna». */
export function namesOf(peers: readonly Peer[]): string[] {
  return [...new Set(peers.map((p) => p.user.name))]
}

/** Whether two sets of writers show the same: the first's name and colour, the same names. */
export function sameWriters(a: Writers | undefined, b: Writers): boolean {
  return (
    !!a &&
    a.first.clientId === b.first.clientId &&
    a.first.user.color === b.first.user.color &&
    a.names.length === b.names.length &&
    a.names.every((n, i) => n === b.names[i])
  )
}
