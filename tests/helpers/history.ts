import * as Y from 'yjs'
import { canvasRoots, putCard, putLink } from '../../shared/schema/index.ts'
import type { Client } from './clients.ts'

/** The problem cards of a document. */
export const problemCards = (doc: Y.Doc) => canvasRoots(doc, 'problems').nodes
export const problemLinks = (doc: Y.Doc) => canvasRoots(doc, 'problems').edges

/** `n` problem cards `<prefix>0…`, and a link from each to the next, in one transaction. */
export function addTree(doc: Y.Doc, prefix: string, n: number): void {
  doc.transact(() => {
    for (let i = 0; i < n; i++)
      putCard(doc, 'problems', `${prefix}${i}`, {
        kind: 'problem',
        label: `Problema ${prefix}${i}`,
        x: i * 10,
        y: 0,
        role: i === 0 ? 'core' : 'cause',
      })
    for (let i = 1; i < n; i++)
      putLink(doc, 'problems', `${prefix}l${i}`, {
        source: `${prefix}${i}`,
        target: `${prefix}${i - 1}`,
        kind: 'cause-effect',
      })
  })
}

/** Deletes every card and link of the problem tree in ONE transaction. */
export function deleteEverything(doc: Y.Doc): void {
  doc.transact(() => {
    for (const id of [...problemLinks(doc).keys()]) problemLinks(doc).delete(id)
    for (const id of [...problemCards(doc).keys()]) problemCards(doc).delete(id)
  })
}

/** The name this client's presence declares (as the page does). */
export function declareName(client: Client, name: string): void {
  client.provider.awareness.setLocalStateField('user', { name, color: '#336699' })
}

/** A call to the history API; answers status and parsed body. */
export async function api(
  url: string,
  method: 'GET' | 'POST',
  path: string,
  key: string | null,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  const q = key === null ? '' : `?key=${encodeURIComponent(key)}`
  const res = await fetch(`${url}${path}${q}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null }
}
