/**
 * Control channel between the bench and a server child process (Node IPC). The child side lives
 * here too: it samples its own memory and answers stats / gc / stop requests.
 */
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'

export type ControlCommand = 'stats' | 'gc' | 'stop'

export interface ControlRequest {
  id: number
  cmd: ControlCommand
}

/** Bytes and CPU microseconds, as measured inside the server process. */
export interface ServerStats {
  rss: number
  heapUsed: number
  /** Highest values seen by the sampler since the process started. */
  peakRss: number
  peakHeapUsed: number
  cpuUser: number
  cpuSystem: number
  /** Size of the data directory (Trama's SQLite files), when the server has one. */
  dataBytes: number | null
  /** Memory samples taken so far. */
  samples: number
  /** Bytes this process has written through write() so far (Linux; null elsewhere). */
  writtenBytes: number | null
  /** Longest event-loop stall since the previous stats request (ms): what every board waited. */
  loopDelayMaxMs: number
  /** The event loop's delay p99 since the previous stats request (ms). */
  loopDelayP99Ms: number
}

export type ChildMessage =
  | { type: 'ready'; url: string; tempDir: string | null }
  | { type: 'reply'; id: number; stats: ServerStats }
  | { type: 'error'; message: string }

export interface StartedServer {
  url: string
  tempDir: string | null
  stop(): Promise<void>
}

const SAMPLE_MS = 100

function dirBytes(dir: string): number {
  let total = 0
  for (const name of readdirSync(dir)) {
    const stat = statSync(join(dir, name))
    total += stat.isDirectory() ? dirBytes(join(dir, name)) : stat.size
  }
  return total
}

function writtenBytes(): number | null {
  try {
    const match = /^wchar: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'))
    return match ? Number(match[1]) : null
  } catch {
    return null
  }
}

/** Child side: starts the server, then serves control requests until `stop` or parent loss. */
export async function runControlledServer(start: () => Promise<StartedServer>): Promise<void> {
  const send = (msg: ChildMessage) => process.send?.(msg)
  if (!process.send) throw new Error('must be started by bench/server.ts (needs an IPC channel)')

  let peakRss = 0
  let peakHeapUsed = 0
  let samples = 0
  const sample = () => {
    const mem = process.memoryUsage()
    peakRss = Math.max(peakRss, mem.rss)
    peakHeapUsed = Math.max(peakHeapUsed, mem.heapUsed)
    samples++
    return mem
  }
  const sampler = setInterval(sample, SAMPLE_MS)
  sampler.unref()
  const loop = monitorEventLoopDelay({ resolution: 5 })
  loop.enable()

  let server: StartedServer
  try {
    server = await start()
  } catch (err) {
    send({ type: 'error', message: (err as Error).stack ?? String(err) })
    process.exit(1)
  }

  let stopping: Promise<void> | null = null
  const stop = () =>
    (stopping ??= (async () => {
      clearInterval(sampler)
      try {
        await server.stop()
      } finally {
        if (server.tempDir) rmSync(server.tempDir, { recursive: true, force: true })
      }
    })())

  const stats = (): ServerStats => {
    const mem = sample()
    const cpu = process.cpuUsage()
    return {
      rss: mem.rss,
      heapUsed: mem.heapUsed,
      peakRss,
      peakHeapUsed,
      cpuUser: cpu.user,
      cpuSystem: cpu.system,
      dataBytes: server.tempDir ? dirBytes(server.tempDir) : null,
      samples,
      writtenBytes: writtenBytes(),
      loopDelayMaxMs: loop.max / 1e6,
      loopDelayP99Ms: loop.percentile(99) / 1e6,
    }
  }

  process.on('message', (raw: unknown) => {
    const msg = raw as ControlRequest
    if (msg.cmd === 'gc') {
      const gc = (globalThis as { gc?: () => void }).gc
      gc?.()
      gc?.()
    }
    if (msg.cmd === 'stop') {
      const reply = stats()
      stop().then(
        () => {
          send({ type: 'reply', id: msg.id, stats: reply })
          process.disconnect()
          process.exit(0)
        },
        (err: Error) => {
          send({ type: 'error', message: err.stack ?? err.message })
          process.exit(1)
        },
      )
      return
    }
    send({ type: 'reply', id: msg.id, stats: stats() })
    loop.reset()
  })
  // The bench died or closed the channel: do not linger.
  process.on('disconnect', () => {
    stop().finally(() => process.exit(0))
  })
  send({ type: 'ready', url: server.url, tempDir: server.tempDir })
}
