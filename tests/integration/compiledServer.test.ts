import { spawn, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { connectSynced } from '../helpers/clients.ts'
import { killHard } from '../helpers/child.ts'
import { createBoard, tempDataDir } from '../helpers/server.ts'

const root = join(import.meta.dirname, '..', '..')
const cleanup: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn()
})

describe('compiled server', () => {
  it('npm start’s build runs as plain JavaScript: it serves the API and sync', async () => {
    const build = spawnSync(process.execPath, [join(root, 'scripts', 'build-server.mjs')], {
      cwd: root,
      encoding: 'utf8',
    })
    expect(build.status, build.stderr).toBe(0)

    const data = tempDataDir()
    cleanup.push(() => data.remove())
    // No TypeScript loader: a .ts import left in the bundle would fail here.
    const child = spawn(process.execPath, [join(root, 'dist', 'server.js')], {
      cwd: root,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: data.dir, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    cleanup.push(() => killHard(child))
    let output = ''
    const url = await new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString()
        const match = /http:\/\/127\.0\.0\.1:(\d+)/.exec(output)
        if (match) resolve(`http://127.0.0.1:${match[1]}`)
      }
      child.stdout.on('data', onData)
      child.stderr.on('data', onData)
      child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)))
    })
    expect((await fetch(`${url}/healthz`)).status).toBe(200)
    const board = await createBoard(url)
    const client = await connectSynced(url, board.id, board.keys.participant)
    cleanup.push(() => client.destroy())
    expect(client.provider.synced).toBe(true)

    // resvg's native library is loaded by the first PNG, not by a server that never draws one
    const mapped = () => readFileSync(`/proc/${child.pid}/maps`, 'utf8')
    expect(mapped()).not.toMatch(/resvg/)
    const png = await fetch(
      `${url}/api/boards/${board.id}/export/problems.png?key=${board.keys.participant}`,
    )
    expect(png.status).toBe(200)
    expect(png.headers.get('content-type')).toBe('image/png')
    expect(mapped()).toMatch(/resvg/)
  })
})
