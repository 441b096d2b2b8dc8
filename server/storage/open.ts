import type { QuarantinedRecord } from './quarantine.ts'
import { openSqliteStore } from './sqlite.ts'
import type { BoardStore } from './types.ts'

/**
 * The store a server uses: PostgreSQL when `databaseUrl` is set (several servers share it),
 * otherwise SQLite in `dataDir` (one process, nothing else to run).
 */
export async function openStore(options: {
  dataDir: string
  databaseUrl?: string
  onQuarantine?: (record: QuarantinedRecord) => void
}): Promise<BoardStore> {
  if (options.databaseUrl) {
    const { openPostgresStore } = await import('./postgres.ts')
    return openPostgresStore(options.databaseUrl, { onQuarantine: options.onQuarantine })
  }
  return openSqliteStore(options.dataDir, { onQuarantine: options.onQuarantine })
}
