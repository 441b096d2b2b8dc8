import * as Y from 'yjs'

const REMOTE = Symbol('remote')

/** A small seeded generator (mulberry32): the same seed gives the same run. */
export function seededRandom(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick<T>(list: readonly T[]): T {
      return list[Math.floor(next() * list.length)]!
    },
    chance: (p: number) => next() < p,
  }
}
export type Random = ReturnType<typeof seededRandom>

/**
 * Documents linked in memory through per-pair queues: every update a document makes is queued
 * for each other one and crosses only when the test delivers it — some, all, late, or after a
 * "disconnected" document comes back.
 */
export function fuzzNetwork(docs: Y.Doc[]) {
  const queues = docs.map(() => docs.map(() => [] as Uint8Array[]))
  const offline = new Set<number>()
  docs.forEach((doc, from) =>
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return
      docs.forEach((_, to) => to !== from && queues[from]![to]!.push(update))
    }),
  )
  const deliver = (from: number, to: number, count = Infinity) => {
    if (offline.has(from) || offline.has(to)) return
    const batch = queues[from]![to]!.splice(0, count)
    for (const u of batch) Y.applyUpdate(docs[to]!, u, REMOTE)
  }
  return {
    /** Delivers a random part of a random queue. */
    deliverSome(random: Random) {
      const from = random.int(docs.length)
      const to = random.int(docs.length)
      if (from !== to) deliver(from, to, 1 + random.int(4))
    },
    disconnect: (i: number) => offline.add(i),
    reconnect: (i: number) => offline.delete(i),
    /** Everyone back online, every queue delivered until nothing is left. */
    settle() {
      offline.clear()
      for (let round = 0; round < 3; round++)
        for (let from = 0; from < docs.length; from++)
          for (let to = 0; to < docs.length; to++) if (from !== to) deliver(from, to)
    },
  }
}
