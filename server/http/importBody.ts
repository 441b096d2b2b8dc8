import type { Readable } from 'node:stream'
import type { ErrorCode } from '../../shared/errors.ts'

/** A body as the import route receives it: its bytes, or why it was refused while streaming. */
export type ImportBody =
  | { ok: true; bytes: Uint8Array; values: number }
  | { ok: false; status: 400 | 413; code: ErrorCode; details?: string[] }

/**
 * Tracks how deeply arrays and objects nest in JSON text fed to it in pieces, without parsing:
 * a byte loop that knows strings and escapes. It runs on each chunk as it arrives, so its cost
 * is spread over the upload, and a hostile body is refused at its first too-deep bracket
 * instead of after JSON.parse has built it (30 MiB of `[` costs seconds and gigabytes).
 */
export class DepthScanner {
  private depth = 0
  private inString = false
  private escaped = false
  /** Containers and separators seen: about the number of values JSON.parse would allocate. */
  values = 0

  constructor(
    private readonly maxDepth: number,
    private readonly maxValues = Infinity,
  ) {}

  /** Why the text must be refused, or null while it is within the limits. */
  feed(chunk: Uint8Array): 'depth' | 'values' | null {
    let { depth, inString, escaped, values } = this
    const max = this.maxDepth
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!
      if (inString) {
        if (escaped) escaped = false
        else if (c === 0x5c)
          escaped = true // \
        else if (c === 0x22) inString = false // "
      } else if (c === 0x22) inString = true
      else if (c === 0x2c)
        values++ // ,
      else if (c === 0x5b || c === 0x7b) {
        // [ {
        values++
        if (++depth > max) return 'depth'
      } else if (c === 0x5d || c === 0x7d) depth-- // ] }
    }
    this.depth = depth
    this.inString = inString
    this.escaped = escaped
    this.values = values
    return values > this.maxValues ? 'values' : null
  }
}

const MiB = 1024 * 1024
const mib = (n: number) => `${Math.round((n / MiB) * 10) / 10} MiB`

/**
 * Reads an import body from its stream: refused as soon as it passes `maxBytes` (or announces
 * more), nests deeper than `maxDepth` or holds more than `maxValues` values (what JSON.parse
 * time and memory grow with: 30 MiB of `[1],` is 8 million arrays, 13 s and 540 MB). A refused body is drained, not kept, so the client can
 * read the answer; memory holds at most `maxBytes` per import.
 */
export function readImportBody(
  payload: Readable,
  contentLength: number | undefined,
  limits: { maxBytes: number; maxDepth: number; maxValues: number },
): Promise<ImportBody> {
  const tooLarge: ImportBody = {
    ok: false,
    status: 413,
    code: 'BODY_TOO_LARGE',
    details: [`an import is at most ${mib(limits.maxBytes)}`],
  }
  if (contentLength !== undefined && contentLength > limits.maxBytes) {
    payload.resume()
    return Promise.resolve(tooLarge)
  }
  return new Promise((resolve) => {
    const scanner = new DepthScanner(limits.maxDepth, limits.maxValues)
    const chunks: Buffer[] = []
    let size = 0
    let settled = false
    const finish = (body: ImportBody) => {
      if (settled) return
      settled = true
      payload.off('data', onData)
      chunks.length = 0
      // keep reading and discarding what is left, so the answer reaches the client
      if (!body.ok) payload.resume()
      resolve(body)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength
      if (size > limits.maxBytes) return finish(tooLarge)
      const refused = scanner.feed(chunk)
      if (refused === 'depth')
        return finish({
          ok: false,
          status: 400,
          code: 'INVALID_EXPORT',
          details: [`(root): nested deeper than ${limits.maxDepth} levels`],
        })
      if (refused === 'values')
        return finish({
          ok: false,
          status: 413,
          code: 'IMPORT_TOO_COMPLEX',
          details: [`more than ${limits.maxValues.toLocaleString('en')} values`],
        })
      chunks.push(chunk)
    }
    payload.on('data', onData)
    payload.once('end', () => {
      if (settled) return
      const bytes = new Uint8Array(size) // its own buffer: transferable to a worker
      let at = 0
      for (const c of chunks) {
        bytes.set(c, at)
        at += c.byteLength
      }
      finish({ ok: true, bytes, values: scanner.values })
    })
    const aborted = () =>
      finish({ ok: false, status: 400, code: 'BAD_REQUEST', details: ['the upload was cut'] })
    payload.once('error', aborted)
    payload.once('close', () => {
      if (!payload.readableEnded) aborted()
    })
  })
}
