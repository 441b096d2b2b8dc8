import Database from 'better-sqlite3'
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'

/**
 * Checks run before the server opens anything, so a misconfigured machine stops with one line
 * that names the cause instead of a stack trace, or worse, a server where every board answers 500.
 */
export class StartupError extends Error {
  override name = 'StartupError'
}

const DATABASE_FILE = 'trama.sqlite'

/** The short cause of a file-system error: `EACCES: permission denied`. */
function cause(err: unknown): string {
  const e = err as NodeJS.ErrnoException
  if (e.code && e.message) return e.message.split(',')[0] ?? e.code
  return String((err as Error)?.message ?? err)
}

/** DATA_DIR must be (or become) a directory this process can read and write. */
export function checkDataDir(dir: string): void {
  const fail = (why: string): never => {
    throw new StartupError(`DATA_DIR=${dir} is unusable: ${why}`)
  }
  if (existsSync(dir) && !statSync(dir).isDirectory()) fail('it is a file, not a directory')
  try {
    mkdirSync(dir, { recursive: true })
  } catch (err) {
    fail(`cannot create it (${cause(err)})`)
  }
  try {
    accessSync(dir, constants.R_OK | constants.W_OK)
    // access() trusts permission bits; a read-only mount or a full disk shows only on writing.
    const probe = join(dir, `.trama-write-test-${process.pid}`)
    writeFileSync(probe, 'ok')
    rmSync(probe, { force: true })
  } catch (err) {
    fail(`cannot write in it (${cause(err)})`)
  }
}

/**
 * An existing database must be a readable SQLite file that passes SQLite's own consistency check;
 * otherwise the server refuses to start and points to the backup, rather than serving errors.
 */
export function checkDatabase(dir: string): void {
  const file = join(dir, DATABASE_FILE)
  if (!existsSync(file)) return
  if (!statSync(file).isFile())
    throw new StartupError(`DATA_DIR=${dir}: ${file} is not a file; move it aside`)
  const refuse = (why: string): never => {
    throw new StartupError(
      `DATA_DIR=${dir}: the database ${file} is corrupted (${why}); ` +
        `restore it from your backup of DATA_DIR, or move it aside to start with no boards`,
    )
  }
  let db: Database.Database | undefined
  try {
    db = new Database(file, { fileMustExist: true })
    // quick_check reads every page (not the index contents): linear in the file, run once.
    const rows = db.pragma('quick_check') as { quick_check: string }[]
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok')
    if (problems.length) refuse(problems.slice(0, 3).join('; '))
  } catch (err) {
    if (err instanceof StartupError) throw err
    refuse((err as Error).message)
  } finally {
    db?.close()
  }
}

/** One line for anything else that stops the start (a port in use, a bad address). */
export function startupMessage(
  err: unknown,
  env: { PORT: number; HOST: string; DATA_DIR: string },
): string {
  if (err instanceof StartupError) return err.message
  const e = err as NodeJS.ErrnoException
  // better-sqlite3's errors carry SQLite's code (SQLITE_READONLY, SQLITE_FULL, SQLITE_IOERR…)
  if (typeof e?.code === 'string' && e.code.startsWith('SQLITE_'))
    return `DATA_DIR=${env.DATA_DIR}: the database cannot be used (${e.code}: ${e.message})`
  if (e?.code === 'EADDRINUSE') return `PORT=${env.PORT} is already in use on ${env.HOST}`
  if (e?.code === 'EACCES' && e.syscall === 'listen')
    return `PORT=${env.PORT}: not allowed to listen on it (${cause(err)})`
  if (e?.code === 'EADDRNOTAVAIL' || e?.code === 'ENOTFOUND')
    return `HOST=${env.HOST} is not an address of this machine (${cause(err)})`
  return `cannot start: ${(err as Error)?.message ?? String(err)}`
}
