import { afterEach, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import {
  chmodSync,
  closeSync,
  mkdirSync,
  openSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import * as Y from 'yjs'
import { canvasRoots, putCard } from '../../shared/schema/index.ts'
import { appendRawLogRow } from '../helpers/rawLog.ts'
import { connectSynced } from '../helpers/clients.ts'
import { createBoard, startServer, tempDataDir } from '../helpers/server.ts'
import { waitFor } from '../helpers/wait.ts'

const root = join(import.meta.dirname, '..', '..')
const cleanup: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn()
})

/** Runs server/main.ts until it exits (or 20 s); resolves with its exit code and output. */
function runMain(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server', 'main.ts')], {
      cwd: root,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    let stdout = ''
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`server did not stop:\n${stdout}\n${stderr}`))
    }, 20_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stderr })
    })
  })
}

/** One line, naming what is wrong, and no stack trace. */
function expectOneLine(stderr: string, pattern: RegExp) {
  const lines = stderr.trim().split('\n')
  expect(lines, stderr).toHaveLength(1)
  expect(lines[0]).toMatch(pattern)
  expect(stderr).not.toMatch(/\n\s+at /)
}

function keep<T extends { remove(): void }>(x: T): T {
  cleanup.push(() => x.remove())
  return x
}

describe('start-up', () => {
  it('an unusable DATA_DIR stops the server with one line naming the variable', async () => {
    const data = keep(tempDataDir())
    const file = join(data.dir, 'not-a-dir')
    writeFileSync(file, 'x')
    const inside = await runMain({ DATA_DIR: join(file, 'data') })
    expect(inside.code).not.toBe(0)
    expectOneLine(inside.stderr, /DATA_DIR=.*not-a-dir.*(ENOTDIR|EEXIST)/)
    const isFile = await runMain({ DATA_DIR: file })
    expect(isFile.code).not.toBe(0)
    expectOneLine(isFile.stderr, /DATA_DIR=.*not a directory/)
  })

  it('a database path that is not a file, or a read-only database, stops it in one line', async () => {
    const data = keep(tempDataDir())
    mkdirSync(join(data.dir, 'trama.sqlite'))
    const dir = await runMain({ DATA_DIR: data.dir })
    expect(dir.code).not.toBe(0)
    expectOneLine(dir.stderr, /DATA_DIR=.*trama\.sqlite is not a file/)
    // root ignores file permissions: the read-only case only means something for other users
    if (process.getuid?.() === 0) return
    const ro = keep(tempDataDir())
    const s = await startServer({ dataDir: ro.dir })
    await s.close()
    chmodSync(join(ro.dir, 'trama.sqlite'), 0o444)
    const result = await runMain({ DATA_DIR: ro.dir })
    expect(result.code).not.toBe(0)
    expectOneLine(result.stderr, /DATA_DIR=.*(SQLITE_READONLY|readonly)/)
  })

  it('a database that is not one is refused at start with a pointer to the backup', async () => {
    const data = keep(tempDataDir())
    writeFileSync(join(data.dir, 'trama.sqlite'), Buffer.alloc(8192, 0x5a))
    const result = await runMain({ DATA_DIR: data.dir })
    expect(result.code).not.toBe(0)
    expectOneLine(result.stderr, /DATA_DIR=.*trama\.sqlite is corrupted.*backup/)
  })

  it('a database with damaged pages is refused at start', async () => {
    const data = keep(tempDataDir())
    const s = await startServer({ dataDir: data.dir })
    for (let i = 0; i < 40; i++) await createBoard(s.url, `Tavolo ${i} ${'x'.repeat(150)}`)
    await s.close()
    const file = join(data.dir, 'trama.sqlite')
    const db = new Database(file)
    db.pragma('wal_checkpoint(TRUNCATE)')
    db.close()
    const size = statSync(file).size
    expect(size).toBeGreaterThan(3 * 4096)
    // garbage over every page but the header page: the b-trees no longer hold together
    const fd = openSync(file, 'r+')
    for (let at = 4096; at < size; at += 4096) writeSync(fd, Buffer.alloc(512, 0xa5), 0, 512, at)
    closeSync(fd)
    const result = await runMain({ DATA_DIR: data.dir })
    expect(result.code).not.toBe(0)
    expectOneLine(result.stderr, /trama\.sqlite is corrupted/)
  })
})

describe('configuration', () => {
  it('an invalid ALLOWED_ORIGINS stops the server with a message naming it', async () => {
    const data = keep(tempDataDir())
    const result = await runMain({
      DATA_DIR: data.dir,
      ALLOWED_ORIGINS: 'https://ok.example, ftp://x/y',
    })
    expect(result.code).not.toBe(0)
    expect(result.stderr).toMatch(/ALLOWED_ORIGINS/)
    expect(result.stderr).toMatch(/ftp:\/\/x\/y/)
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })
})

describe('quarantine', () => {
  it('an unreadable log row or snapshot is moved aside and the board loads from the rest', async () => {
    const data = keep(tempDataDir())
    let s = await startServer({ dataDir: data.dir })
    const a = await createBoard(s.url)
    const b = await createBoard(s.url)
    const writer = await connectSynced(s.url, a.id, a.keys.participant)
    writer.doc.transact(() =>
      putCard(writer.doc, 'problems', 'kept', {
        kind: 'problem',
        label: 'nel snapshot',
        x: 0,
        y: 0,
        role: 'core',
      }),
    )
    const other = await connectSynced(s.url, a.id, a.keys.viewer)
    await waitFor(() => canvasRoots(other.doc, 'problems').nodes.has('kept'), 'card relayed')
    const state = Y.encodeStateAsUpdate(writer.doc)
    writer.destroy()
    other.destroy()
    await s.close() // compacts: the card is in the snapshot

    // a later card in the log, behind a row of garbage and a truncated row
    const later = new Y.Doc()
    Y.applyUpdate(later, state)
    const before = Y.encodeStateVector(later)
    later.transact(() =>
      putCard(later, 'problems', 'later', {
        kind: 'problem',
        label: 'nel log',
        x: 1,
        y: 1,
        role: 'cause',
      }),
    )
    const diff = Y.encodeStateAsUpdate(later, before)
    const db = new Database(join(data.dir, 'trama.sqlite'))
    appendRawLogRow(db, a.id, Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3))
    appendRawLogRow(db, a.id, diff.slice(0, diff.length - 3))
    appendRawLogRow(db, a.id, diff)
    db.prepare('UPDATE snapshots SET data = ? WHERE board_id = ?').run(
      Buffer.from('not a snapshot at all, just bytes'),
      b.id,
    )
    db.close()

    s = await startServer({ dataDir: data.dir })
    cleanup.push(() => s.close())
    const reader = await connectSynced(s.url, a.id, a.keys.viewer)
    cleanup.push(() => reader.destroy())
    const nodes = canvasRoots(reader.doc, 'problems').nodes
    await waitFor(() => nodes.has('kept') && nodes.has('later'), 'both cards loaded')
    // the board with a bad snapshot opens too (empty), and the server stays healthy
    const empty = await connectSynced(s.url, b.id, b.keys.participant)
    cleanup.push(() => empty.destroy())
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200)

    const check = new Database(join(data.dir, 'trama.sqlite'), { readonly: true })
    const rows = check.prepare('SELECT board_id, kind FROM quarantine ORDER BY id').all() as {
      board_id: string
      kind: string
    }[]
    check.close()
    expect(rows).toEqual([
      { board_id: a.id, kind: 'update' },
      { board_id: a.id, kind: 'update' },
      { board_id: b.id, kind: 'snapshot' },
    ])
  })
})
