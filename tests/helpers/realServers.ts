import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

/**
 * Real Redis and PostgreSQL for the tests (Debian's redis-server and postgresql; .ci/run
 * installs them): each on a free loopback port with a temporary data folder, stopped and
 * removed afterwards. Nothing stands in for them.
 */

const START_TIMEOUT_MS = 30_000

/** A port nobody listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/** Starts a process in its own group and resolves once its output shows `ready`. */
function startUntil(
  command: string,
  args: string[],
  ready: RegExp,
  what: string,
): Promise<ChildProcess> {
  const child = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stopGroup(child, 'SIGKILL')
      reject(new Error(`${what} did not start in ${START_TIMEOUT_MS / 1000} s:\n${output}`))
    }, START_TIMEOUT_MS)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (ready.test(output)) {
        clearTimeout(timer)
        resolve(child)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('error', (err) => {
      clearTimeout(timer)
      reject(new Error(`${what}: ${err.message}`))
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${what} exited with ${code}:\n${output}`))
    })
  })
}

/** Signals the whole process group (runuser and the server under it) and waits for the exit. */
function stopGroup(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {
        // already gone
      }
    }, 10_000)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    try {
      process.kill(-child.pid!, signal)
    } catch {
      clearTimeout(timer)
      resolve()
    }
  })
}

export interface RealRedis {
  url: string
  /** Its process (the bench reads its CPU time). */
  readonly pid: number
  /** Stops it (kill -9 when `hard`) — tests of an outage call it, then `restart`. */
  stop(hard?: boolean): Promise<void>
  restart(): Promise<void>
}

/** A redis-server on a free port, persisting nothing. */
export async function startRedis(): Promise<RealRedis> {
  if (!existsSync('/usr/bin/redis-server'))
    throw new Error('redis-server is missing: apt-get install -y redis-server (see .ci/run)')
  const dir = mkdtempSync(join(tmpdir(), 'trama-redis-'))
  const port = await freePort()
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--dir', dir]
  args.push('--appendonly', 'no', '--protected-mode', 'no')
  const start = () =>
    startUntil('/usr/bin/redis-server', args, /Ready to accept connections/, 'redis-server')
  let child = await start()
  return {
    url: `redis://127.0.0.1:${port}`,
    get pid() {
      return child.pid!
    },
    async stop(hard = false) {
      await stopGroup(child, hard ? 'SIGKILL' : 'SIGTERM')
      rmSync(dir, { recursive: true, force: true })
    },
    async restart() {
      mkdirSync(dir, { recursive: true })
      child = await start()
    },
  }
}

export interface RealPostgres {
  /** The cluster's `postgres` database. */
  url: string
  /** Its first process (runuser when root): the bench sums the CPU time of it and all below it. */
  readonly pid: number
  /** A new, empty database of its own (tests do not see each other's boards). */
  freshDatabase(): Promise<string>
  stop(): Promise<void>
}

/** The newest installed PostgreSQL's programs. */
function postgresBin(): string {
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'postgres')))
        .sort((a, b) => Number(b) - Number(a))
    : []
  if (!versions.length)
    throw new Error('PostgreSQL is missing: apt-get install -y postgresql (see .ci/run)')
  return join(root, versions[0]!, 'bin')
}

/**
 * A PostgreSQL cluster in a temporary folder on a free port. PostgreSQL refuses to run as
 * root: when the tests are root, initdb and postgres run as the `postgres` user (runuser).
 * Durability settings are off: the tests kill Trama, never PostgreSQL.
 */
export async function startPostgres(): Promise<RealPostgres> {
  const bin = postgresBin()
  const asRoot = process.getuid?.() === 0
  const dir = mkdtempSync(join(tmpdir(), 'trama-pg-'))
  if (asRoot) {
    const pw = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' })
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' })
    chownSync(dir, Number(pw.stdout.trim()), Number(gid.stdout.trim()))
  }
  const run = (program: string, args: string[]) =>
    asRoot
      ? { command: 'runuser', args: ['-u', 'postgres', '--', join(bin, program), ...args] }
      : { command: join(bin, program), args }
  const data = join(dir, 'data')
  const init = run('initdb', [
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    'postgres',
    '--no-sync',
    '-E',
    'UTF8',
  ])
  const done = spawnSync(init.command, init.args, { encoding: 'utf8', timeout: START_TIMEOUT_MS })
  if (done.status !== 0) throw new Error(`initdb failed: ${done.stderr || done.error?.message}`)
  const port = await freePort()
  const server = run('postgres', [
    '-D',
    data,
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
    '-c',
    'max_connections=200',
  ])
  const child = await startUntil(
    server.command,
    server.args,
    /ready to accept connections/,
    'postgres',
  )
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`
  let databases = 0
  return {
    url,
    pid: child.pid!,
    async freshDatabase() {
      databases += 1
      const name = `trama_${process.pid}_${databases}`
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        await client.query(`CREATE DATABASE ${name}`)
      } finally {
        await client.end()
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`
    },
    async stop() {
      // SIGINT: fast shutdown (clients are disconnected, nothing waits)
      await stopGroup(child, 'SIGINT')
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
