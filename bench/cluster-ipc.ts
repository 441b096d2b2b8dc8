/**
 * The cluster bench's load generator runs in a process of its own (bench/cluster-load.ts), so
 * its clients compete with neither the servers nor the bench for one event loop. These are the
 * messages between it and the bench (Node IPC), and the bench's side of the channel.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { compile } from './child.ts'
import type { BenchConfig } from './config.ts'
import type { LoadResult, Phase } from './load.ts'

export interface BoardAccess {
  id: string
  key: string
}

export type RunRequest =
  /** Steady load (runLoad): client i of every board on `urls[i % urls.length]`. */
  | { kind: 'steady'; config: BenchConfig; boards: BoardAccess[]; urls: string[] }
  /** Failover: half the clients of every board on each of two instances, one to be killed. */
  | { kind: 'failover'; config: BenchConfig; boards: BoardAccess[]; urls: [string, string] }

/**
 * `killNow`: mid-load, the bench kills the first instance before it answers (the load goes on
 * meanwhile); `converged`: the bench answers with the address of a fresh instance where the
 * boards are checked.
 */
export type FailoverPhase = 'connected' | 'killNow' | 'converged'

export interface FailoverResult {
  /** Edits written, and those relayed to at least one other client (so acknowledged: stored). */
  written: number
  acknowledged: number
  /** Acknowledged edits, and all edits, missing from the board as a fresh instance loads it. */
  lostAcknowledged: number
  lostWritten: number
  /** Cards created by an acknowledged edit and missing from that board. */
  lostCards: number
  movedClients: number
  /** From the kill to every moved client synced with the surviving instance. */
  resyncMs: number
  convergedBoards: number
  /** Live clients whose state differs from the board loaded afresh (should be 0). */
  divergentClients: number
  clientCpuPercent: number
  clientLoopDelayP99Ms: number
}

export type ToLoad =
  | { type: 'run'; request: RunRequest }
  /** Answer to a phase; `url` is where the failover run checks the boards afterwards. */
  | { type: 'ack'; id: number; url?: string }

export type FromLoad =
  | { type: 'ready' }
  | { type: 'phase'; id: number; phase: Phase | FailoverPhase }
  | { type: 'result'; steady?: LoadResult; failover?: FailoverResult }
  | { type: 'error'; message: string }

const RUN_TIMEOUT_MS = 240_000

/** The bench's handle on one load-generator process (one per run). */
export class LoadChild {
  private constructor(private readonly child: ChildProcess) {}

  static async spawn(): Promise<LoadChild> {
    const file = await compile('cluster-load.ts')
    const child = spawn(process.execPath, [file], {
      cwd: join(import.meta.dirname, '..'),
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('load generator did not start')), 30_000)
      child.once('message', () => (clearTimeout(timer), resolve()))
      child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`exited: ${code}`))))
    })
    return new LoadChild(child)
  }

  get pid(): number | undefined {
    return this.child.pid
  }

  send(message: ToLoad): void {
    if (this.child.connected) this.child.send(message)
  }

  /**
   * Runs one load; `onPhase` answers each phase (the run waits for it). Rejects on the child's
   * error, exit or after RUN_TIMEOUT_MS.
   */
  run(
    request: RunRequest,
    onPhase: (phase: Phase | FailoverPhase) => Promise<string | void>,
  ): Promise<Extract<FromLoad, { type: 'result' }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`load run did not finish within ${RUN_TIMEOUT_MS / 1000} s`))
      }, RUN_TIMEOUT_MS)
      const done = () => {
        clearTimeout(timer)
        this.child.off('message', onMessage)
        this.child.off('exit', onExit)
      }
      const onExit = (code: number | null, signal: string | null) => {
        done()
        reject(new Error(`load generator exited (${code ?? signal})`))
      }
      const onMessage = (raw: unknown) => {
        const msg = raw as FromLoad
        if (msg.type === 'phase')
          onPhase(msg.phase).then(
            (url) => this.send({ type: 'ack', id: msg.id, ...(url ? { url } : {}) }),
            (err: Error) => (done(), reject(err)),
          )
        else if (msg.type === 'result') (done(), resolve(msg))
        else if (msg.type === 'error') (done(), reject(new Error(msg.message)))
      }
      this.child.on('message', onMessage)
      this.child.once('exit', onExit)
      this.send({ type: 'run', request })
    })
  }

  /** Kills it (it holds no data); waits for the exit. */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return
    await new Promise<void>((resolve) => {
      this.child.once('exit', () => resolve())
      this.child.kill('SIGKILL')
    })
  }
}
