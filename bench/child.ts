/** Bench side of a server child process: spawn, ask for stats, stop (or kill) and clean up. */
import { spawn, type ChildProcess } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'
// @ts-expect-error: a plain JavaScript module without types
import { serverBuildOptions } from '../scripts/build-server.mjs'
import type { ChildMessage, ControlCommand, ServerStats } from './ipc.ts'

const root = join(import.meta.dirname, '..')
const START_TIMEOUT_MS = 30_000
const REQUEST_TIMEOUT_MS = 10_000

/** Compiled child entries, built once per bench run. */
const compiled = new Map<string, Promise<string>>()

/** The reference's entry: its package's code runs unchanged, from node_modules. */
const REFERENCE_ENTRY = 'reference-server.ts'

/**
 * Both servers run as plain JavaScript. Trama's entries are compiled as `npm start` compiles the
 * server (scripts/build-server.mjs: the start-up packages bundled, source maps on); the
 * reference's entry is bundled with its own sources only, its packages stay in node_modules.
 */
export function compile(entry: string): Promise<string> {
  let out = compiled.get(entry)
  if (!out) {
    const outfile = join(root, 'bench-results', 'build', entry.replace(/\.ts$/, '.mjs'))
    const source = join(root, 'bench', entry)
    out = build(
      entry === REFERENCE_ENTRY
        ? {
            entryPoints: [source],
            outfile,
            bundle: true,
            platform: 'node',
            format: 'esm',
            target: 'node20',
            packages: 'external',
            logLevel: 'warning',
          }
        : serverBuildOptions(source, outfile),
    ).then(() => outfile)
    compiled.set(entry, out)
  }
  return out
}

/** Every child still alive, so an aborted run can kill them all. */
const alive = new Set<ServerChild>()

export class ServerChild {
  private nextId = 1
  private readonly pending = new Map<
    number,
    { resolve(s: ServerStats): void; reject(e: Error): void }
  >()
  private exited: Promise<void>

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    readonly url: string,
    readonly tempDir: string | null,
  ) {
    this.exited = new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', () => resolve())
    })
    child.on('message', (raw: unknown) => {
      const msg = raw as ChildMessage
      if (msg.type === 'reply') {
        this.pending.get(msg.id)?.resolve(msg.stats)
        this.pending.delete(msg.id)
      } else if (msg.type === 'error') {
        console.error(`[${name}] ${msg.message}`)
      }
    })
    child.once('exit', (code, signal) => {
      alive.delete(this)
      for (const p of this.pending.values())
        p.reject(new Error(`${name} server exited (${code ?? signal})`))
      this.pending.clear()
    })
    alive.add(this)
  }

  get pid(): number | undefined {
    return this.child.pid
  }

  /** Spawns `bench/<entry>`, compiled, with an IPC channel and waits for its URL. */
  static async spawn(
    name: string,
    entry: string,
    extraEnv: Record<string, string> = {},
  ): Promise<ServerChild> {
    const file = await compile(entry)
    const env = { ...process.env, ...extraEnv }
    // The reference server persists to LevelDB when YPERSISTENCE is set; it must stay in memory.
    delete env.YPERSISTENCE
    delete env.CALLBACK_URL
    // BENCH_NODE_ARGS adds flags to the servers' Node (e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`).
    const extra = (process.env.BENCH_NODE_ARGS ?? '').split(/\s+/).filter(Boolean)
    // scripts/start.mjs turns source maps on for Trama's server: so does the bench.
    if (entry !== REFERENCE_ENTRY) extra.unshift('--enable-source-maps')
    const child = spawn(process.execPath, ['--expose-gc', ...extra, file], {
      cwd: root,
      env,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    const ready = await new Promise<{ url: string; tempDir: string | null }>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL')
        reject(new Error(`${name} server did not start within ${START_TIMEOUT_MS} ms`))
      }, START_TIMEOUT_MS)
      child.on('message', (raw: unknown) => {
        const msg = raw as ChildMessage
        if (msg.type === 'ready') {
          clearTimeout(timer)
          resolve(msg)
        } else if (msg.type === 'error') {
          clearTimeout(timer)
          reject(new Error(`${name} server failed to start:\n${msg.message}`))
        }
      })
      child.once('exit', (code, signal) => {
        clearTimeout(timer)
        reject(new Error(`${name} server exited during start (${code ?? signal})`))
      })
    })
    return new ServerChild(name, child, ready.url, ready.tempDir)
  }

  request(cmd: Exclude<ControlCommand, 'stop'>): Promise<ServerStats> {
    return this.send(cmd)
  }

  private send(cmd: ControlCommand): Promise<ServerStats> {
    const id = this.nextId++
    return new Promise<ServerStats>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id)
        reject(new Error(`${this.name} server: no answer to "${cmd}"`))
      }, REQUEST_TIMEOUT_MS)
      this.pending.set(id, {
        resolve: (s) => (clearTimeout(timer), resolve(s)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      })
      this.child.send({ id, cmd })
    })
  }

  /** Graceful stop (the child closes its server and removes its data dir), else SIGKILL. */
  async stop(): Promise<ServerStats | null> {
    let last: ServerStats | null = null
    if (this.child.connected) {
      try {
        last = await this.send('stop')
      } catch (err) {
        console.error(`[${this.name}] ${(err as Error).message}`)
      }
    }
    const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000).unref())
    if ((await Promise.race([this.exited, timeout])) === 'timeout') await this.kill()
    if (this.tempDir) rmSync(this.tempDir, { recursive: true, force: true })
    return last
  }

  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL')
    await this.exited
    if (this.tempDir) rmSync(this.tempDir, { recursive: true, force: true })
  }
}

/** Kills every child still running (error path / watchdog). */
export async function killAllChildren(): Promise<void> {
  await Promise.all([...alive].map((c) => c.kill()))
}
