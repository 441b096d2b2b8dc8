import { expect } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import {
  canvasRoots,
  initBoard,
  judgeUpdate,
  putCard,
  textValue,
} from '../../shared/schema/index.ts'

// Documents and updates for the update guard's tests (tests/unit/updateGuard*.test.ts).

/** A board as the server holds it, and a copy of it for a client. */
export function board() {
  const server = new Y.Doc()
  initBoard(server, 'Patto', '2026-01-01T00:00:00.000Z')
  putCard(server, 'problems', 'core', { kind: 'problem', label: 'Core', x: 0, y: 0, role: 'core' })
  return server
}
export function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}
/** What `doc` holds that `other` lacks: a sync step 2 answering `other`'s step 1. */
export const step2 = (doc: Y.Doc, other: Y.Doc) =>
  Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other))
/** One transaction's update. */
export function change(doc: Y.Doc, write: (doc: Y.Doc) => void): Uint8Array {
  const sv = Y.encodeStateVector(doc)
  doc.transact(() => write(doc))
  return Y.encodeStateAsUpdate(doc, sv)
}
export const judge = (server: Y.Doc, update: Uint8Array, facilitator = false) =>
  judgeUpdate(server, Y.decodeUpdate(update), { facilitator }, update)
export const pending = (doc: Y.Doc) =>
  doc.store.pendingStructs !== null || doc.store.pendingDs !== null
/** Whether Yjs would keep part of the update pending, applied to a copy of `server`. */
export function yjsKeepsPending(server: Y.Doc, update: Uint8Array): boolean {
  const copy = copyOf(server)
  Y.applyUpdate(copy, update)
  return pending(copy)
}
/** Judges an update as the server does and, when accepted, applies it: it must leave nothing pending. */
export function send(server: Y.Doc, update: Uint8Array) {
  const refusal = judge(server, update)
  if (!refusal) {
    Y.applyUpdate(server, update)
    expect(pending(server)).toBe(false)
  }
  return refusal
}
export const labelOf = (doc: Y.Doc, id: string) =>
  textValue(canvasRoots(doc, 'problems').nodes.get(id)?.get('label'))
export const label = (doc: Y.Doc, id: string) =>
  canvasRoots(doc, 'problems').nodes.get(id)!.get('label') as Y.Text
export const card = (id: string, text = id) => ({
  kind: 'problem',
  label: text,
  x: 0,
  y: 0,
  role: 'cause',
})

/**
 * A version 1 update written by hand, for shapes no Yjs encoder writes: blocks of items holding
 * one plain value, each with an origin or a root, and no deletions.
 */
export function handWritten(
  blocks: {
    client: number
    clock: number
    items: ({ origin: [number, number] } | { root: string; key?: string })[]
  }[],
): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, blocks.length)
  for (const b of blocks) {
    encoding.writeVarUint(e, b.items.length)
    encoding.writeVarUint(e, b.client)
    encoding.writeVarUint(e, b.clock)
    for (const item of b.items) {
      if ('origin' in item) {
        encoding.writeUint8(e, 8 | 0x80) // plain content, with an origin
        encoding.writeVarUint(e, item.origin[0])
        encoding.writeVarUint(e, item.origin[1])
      } else {
        encoding.writeUint8(e, item.key === undefined ? 8 : 8 | 0x20) // plain content, parent written
        encoding.writeVarUint(e, 1) // a root, by name
        encoding.writeVarString(e, item.root)
        if (item.key !== undefined) encoding.writeVarString(e, item.key) // under a key
      }
      encoding.writeVarUint(e, 1)
      encoding.writeAny(e, 'x')
    }
  }
  encoding.writeVarUint(e, 0) // no deletions
  return encoding.toUint8Array(e)
}
