import { promisify } from 'node:util'
import { gzip as gzipCallback } from 'node:zlib'
import type * as Y from 'yjs'
import { boardPreview, worthPreview } from '../../shared/schema/index.ts'

const gzip = promisify(gzipCallback)

/** Below this, a body goes as it is: compressing it would cost more than it saves. */
const GZIP_FROM_BYTES = 1024

interface Cached {
  json: Buffer
  /** Compressed on the thread pool the first time a page asks for it. */
  gzipped?: Promise<Buffer>
}

/**
 * A loaded document's preview, kept until the document next changes: the pages of a room that
 * open together (a workshop's start, everyone's reconnection) cost the event loop one read of
 * the board, not one each.
 */
const cache = new WeakMap<Y.Doc, Cached>()

function cachedPreview(doc: Y.Doc): Cached {
  let cached = cache.get(doc)
  if (!cached) {
    cached = { json: Buffer.from(JSON.stringify(boardPreview(doc))) }
    cache.set(doc, cached)
    doc.once('update', () => cache.delete(doc))
  }
  return cached
}

/** Whether an Accept-Encoding header takes gzip (any q but 0). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '')
  return value.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';')
    if (coding !== 'gzip' && coding !== '*') return false
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    return !q || Number(q.slice(2)) > 0
  })
}

/**
 * The body of `GET /api/boards/:id/preview` (shared/schema/preview.ts) for a loaded document:
 * JSON, gzipped when the page takes it and it is worth it; 'small' for a board below
 * PREVIEW_FROM_RECORDS. The compression runs off the event
 * loop; the read of the board (a few ms at 2,000 cards) is cached per document version.
 */
export async function previewBody(
  doc: Y.Doc,
  gzipOk: boolean,
): Promise<{ body: Buffer; gzipped: boolean } | 'small'> {
  // a small board's page waits for the document: it is in at once
  if (!worthPreview(doc)) return 'small'
  const cached = cachedPreview(doc)
  if (!gzipOk || cached.json.length < GZIP_FROM_BYTES) return { body: cached.json, gzipped: false }
  cached.gzipped ??= gzip(cached.json)
  try {
    return { body: await cached.gzipped, gzipped: true }
  } catch {
    cached.gzipped = undefined
    return { body: cached.json, gzipped: false }
  }
}
