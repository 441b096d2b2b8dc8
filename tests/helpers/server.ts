import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTramaServer, type TramaServer, type TramaServerOptions } from '../../server/app.ts'
import type { NewBoardAnswer } from '../../server/http/routes.ts'

export function tempDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'trama-test-'))
  return {
    dir,
    // retried: a storage thread may still be closing its files when a test ends
    remove: () => rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }),
  }
}

/** A real server on port 0 with a temporary DATA_DIR, removed on close. */
export async function startServer(
  options: Partial<TramaServerOptions> = {},
): Promise<TramaServer & { dataDir: string }> {
  const data = options.dataDir ? { dir: options.dataDir, remove() {} } : tempDataDir()
  const server = await createTramaServer({ logLevel: false, ...options, dataDir: data.dir })
  return {
    ...server,
    dataDir: data.dir,
    async close() {
      await server.close()
      data.remove()
    },
  }
}

export async function createBoard(
  baseUrl: string,
  title = 'Patto Territoriale Test',
): Promise<NewBoardAnswer> {
  const res = await fetch(`${baseUrl}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  })
  if (res.status !== 201) throw new Error(`create board: ${res.status} ${await res.text()}`)
  return (await res.json()) as NewBoardAnswer
}

/** A board made from an export (`POST /api/boards/import`), as a person reopening a file would. */
export async function importBoard(baseUrl: string, board: unknown): Promise<NewBoardAnswer> {
  const res = await fetch(`${baseUrl}/api/boards/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(board),
  })
  if (res.status !== 201) throw new Error(`import board: ${res.status} ${await res.text()}`)
  return (await res.json()) as NewBoardAnswer
}

export async function exportJson(
  baseUrl: string,
  id: string,
  key: string,
): Promise<Record<string, unknown>> {
  const res = await fetch(`${baseUrl}/api/boards/${id}/export.json?key=${encodeURIComponent(key)}`)
  if (res.status !== 200) throw new Error(`export: ${res.status} ${await res.text()}`)
  return (await res.json()) as Record<string, unknown>
}
