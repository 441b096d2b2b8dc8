/** Child process: Trama's server on a loopback port with a fresh temporary data directory. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTramaServer } from '../server/app.ts'
import { runControlledServer } from './ipc.ts'
import { openMemoryStore } from '../server/storage/memory.ts'

// BENCH_STORE=memory: the boards in memory instead of SQLite, nothing stored on disk (a
// diagnostic: what the server costs with storage out of the way; not a way to run Trama).
const storeKind = process.env.BENCH_STORE || 'sqlite'
if (storeKind !== 'sqlite' && storeKind !== 'memory')
  throw new Error(`BENCH_STORE: expected "sqlite" or "memory", got "${storeKind}"`)

await runControlledServer(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'trama-bench-'))
  const server = await createTramaServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    logLevel: false,
    ...(storeKind === 'memory' ? { store: openMemoryStore() } : {}),
    // The ladder creates up to a few hundred boards from one address within a minute.
    boardsPerMinute: 100_000,
    // BENCH_COMMIT_WINDOW_MS: the group commit closes a batch after this long instead of at the
    // end of the turn (an experiment: fewer commits against a little latency).
    ...(process.env.BENCH_COMMIT_WINDOW_MS
      ? {
          storage: {
            scheduler: (fn: () => void) =>
              void setTimeout(fn, Number(process.env.BENCH_COMMIT_WINDOW_MS)),
          },
        }
      : {}),
    // The cold-open bench unloads idle boards quickly.
    ...(process.env.BENCH_UNLOAD_MS
      ? { limits: { unloadDelayMs: Number(process.env.BENCH_UNLOAD_MS) } }
      : {}),
  })
  return { url: server.url, tempDir: dataDir, stop: () => server.close() }
})
