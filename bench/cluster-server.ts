/**
 * Child process: one Trama instance of a cluster, on PostgreSQL (BENCH_DATABASE_URL) and Redis
 * (BENCH_REDIS_URL), on a loopback port with a fresh temporary data directory (its history).
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTramaServer } from '../server/app.ts'
import { runControlledServer } from './ipc.ts'

await runControlledServer(async () => {
  const databaseUrl = process.env.BENCH_DATABASE_URL
  const redisUrl = process.env.BENCH_REDIS_URL
  if (!databaseUrl || !redisUrl) throw new Error('BENCH_DATABASE_URL and BENCH_REDIS_URL needed')
  const dataDir = mkdtempSync(join(tmpdir(), 'trama-bench-cluster-'))
  const server = await createTramaServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    databaseUrl,
    redisUrl,
    logLevel: false,
    // the bench creates its boards from one address within a minute
    boardsPerMinute: 100_000,
  })
  return { url: server.url, tempDir: dataDir, stop: () => server.close() }
})
