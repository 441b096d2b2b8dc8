import { snapshotToWrite, sortReadable, type QuarantinedRecord } from './quarantine.ts'
import type { BoardRecord, BoardStore, StoredDocument } from './types.ts'

interface MemoryBoard {
  record: BoardRecord
  snapshot: { data: Uint8Array; generation: number } | undefined
  log: { seq: number; data: Uint8Array }[]
}

/**
 * Storage in memory, with the same contract as the databases (tests, and the contract suite's
 * reference). Copies what it is given, so a caller that reuses a buffer changes nothing stored.
 */
export function openMemoryStore(
  options: { onQuarantine?: (record: QuarantinedRecord) => void } = {},
): BoardStore & { quarantined: QuarantinedRecord[] } {
  const boards = new Map<string, MemoryBoard>()
  const quarantined: QuarantinedRecord[] = []
  let seq = 0
  let closed = false
  const open = () => {
    if (closed) throw new Error('store is closed')
  }
  const board = (id: string) => {
    const b = boards.get(id)
    if (!b) throw new Error(`no board ${id}`)
    return b
  }
  return {
    kind: 'memory',
    quarantined,
    async createBoard(record, snapshot) {
      open()
      if (boards.has(record.id)) throw new Error(`board ${record.id} exists`)
      boards.set(record.id, {
        record: copyRecord(record),
        snapshot: { data: snapshot.slice(), generation: 0 },
        log: [],
      })
    },
    async getBoard(id) {
      open()
      const b = boards.get(id)
      return b ? copyRecord(b.record) : undefined
    },
    countBoards: async () => boards.size,
    async loadDocument(id, { verify = true } = {}): Promise<StoredDocument> {
      open()
      const b = boards.get(id)
      if (!b) return { snapshot: null, updates: [], seqs: [], lastSeq: 0, generation: 0 }
      const lastSeq = b.log.length ? b.log[b.log.length - 1]!.seq : 0
      if (verify) {
        const { bad } = sortReadable(id, [
          ...(b.snapshot ? [{ kind: 'snapshot' as const, seq: null, data: b.snapshot.data }] : []),
          ...b.log.map((r) => ({ kind: 'update' as const, seq: r.seq, data: r.data })),
        ])
        for (const { data: _data, ...record } of bad) {
          if (record.kind === 'snapshot') b.snapshot = undefined
          else b.log = b.log.filter((r) => r.seq !== record.seq)
          quarantined.push(record)
          options.onQuarantine?.(record)
        }
      }
      return {
        snapshot: b.snapshot ? b.snapshot.data.slice() : null,
        updates: b.log.map((r) => r.data.slice()),
        seqs: b.log.map((r) => r.seq),
        lastSeq,
        generation: b.snapshot?.generation ?? 0,
      }
    },
    async appendUpdates(items) {
      open()
      // all or nothing: every board must exist before anything is appended
      for (const item of items) board(item.boardId)
      return items.map(({ boardId, update }) => {
        seq += 1
        board(boardId).log.push({ seq, data: update.slice() })
        return seq
      })
    },
    async logStats(id) {
      const log = boards.get(id)?.log ?? []
      return { count: log.length, bytes: log.reduce((n, r) => n + r.data.byteLength, 0) }
    },
    async compact(id, request) {
      open()
      const b = board(id)
      const next = snapshotToWrite(request.snapshot, b.snapshot, request.generation)
      const drop = new Set(request.seqs)
      b.snapshot = { data: next.data.slice(), generation: next.generation }
      b.log = b.log.filter((r) => !drop.has(r.seq))
      return { generation: next.generation, replaced: next.replaced }
    },
    async close() {
      closed = true
    },
  }
}

function copyRecord(r: BoardRecord): BoardRecord {
  const { facilitator, participant, viewer } = r.keyHashes
  return {
    ...r,
    keyHashes: {
      facilitator: Buffer.from(facilitator),
      participant: Buffer.from(participant),
      viewer: Buffer.from(viewer),
    },
  }
}
