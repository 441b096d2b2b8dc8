/**
 * What the update guard costs per accepted update, beside decoding alone (what the server did
 * before): typical keystrokes, card creations and moves on a board of 2,000 cards, in one
 * process, interleaved rounds. `npx tsx bench/updateGuard.ts`
 */
import { loadavg } from 'node:os'
import * as Y from 'yjs'
import { initBoard, putCard, refuseUpdate, canvasRoots } from '../shared/schema/index.ts'
import { replaceText, textValue } from '../shared/schema/text.ts'

const server = new Y.Doc()
initBoard(server, 'Bench', '2026-01-01T00:00:00.000Z')
const client = new Y.Doc()
Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
client.transact(() => {
  for (let i = 0; i < 2000; i++)
    putCard(client, 'problems', `c${i}`, {
      kind: 'problem',
      label: `Carta ${i}`,
      x: i,
      y: i,
      role: 'cause',
    })
})
Y.applyUpdate(server, Y.encodeStateAsUpdate(client))

const updates: Uint8Array[] = []
client.on('update', (u: Uint8Array) => updates.push(u))
const nodes = canvasRoots(client, 'problems').nodes
for (let i = 0; i < 3000; i++) {
  const card = nodes.get(`c${i % 2000}`)!
  if (i % 10 === 0)
    putCard(client, 'problems', `n${i}`, {
      kind: 'problem',
      label: 'Nuova',
      x: 0,
      y: 0,
      role: 'cause',
    })
  else if (i % 10 === 1) card.set('x', i)
  else {
    const text = card.get('label') as Y.Text
    replaceText(text, textValue(text) + 'a')
  }
}
// the server's state for each update: apply as we go, in a copy per round
const rounds = 7
const time = (guard: boolean) => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))
  let spent = 0
  for (const u of updates) {
    const t0 = process.hrtime.bigint()
    const decoded = Y.decodeUpdate(u)
    if (guard && refuseUpdate(doc, decoded, { facilitator: false }))
      throw new Error('an honest update was refused')
    spent += Number(process.hrtime.bigint() - t0)
    Y.applyUpdate(doc, u)
  }
  return spent / updates.length / 1000
}
for (let r = 0; r < rounds; r++) {
  const [first, second] = r % 2 ? [true, false] : [false, true]
  const a = time(first)
  const b = time(second)
  const withGuard = first ? a : b
  const without = first ? b : a
  console.log(
    `round ${r + 1}: decode ${without.toFixed(1)} µs/update, decode + guard ${withGuard.toFixed(1)} µs/update (+${(withGuard - without).toFixed(1)} µs) · load ${loadavg()[0]!.toFixed(2)}`,
  )
}
