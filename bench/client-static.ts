/** A tiny loopback static server for the baseline page, plus the generated boards as JSON. */
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, resolve, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
}

export interface StaticServer {
  url: string
  close(): Promise<void>
}

/** Serves `dir` (index.html at /) and the JSON documents of `files` (path → body). */
export async function startStaticServer(
  dir: string,
  files: ReadonlyMap<string, string>,
): Promise<StaticServer> {
  const base = resolve(dir)
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)
    const doc = files.get(path)
    if (doc !== undefined) {
      res.writeHead(200, { 'content-type': TYPES['.json']!, 'cache-control': 'no-store' })
      res.end(doc)
      return
    }
    const file = resolve(base, '.' + (path === '/' ? '/index.html' : path))
    if (!file.startsWith(base + sep)) {
      res.writeHead(404).end()
      return
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
        res.end(body)
      },
      () => res.writeHead(404).end(),
    )
  })
  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(0, '127.0.0.1', ok)
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections()
        server.close(() => ok())
      }),
  }
}
