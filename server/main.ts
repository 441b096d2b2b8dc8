import { networkInterfaces } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { createTramaServer } from './app.ts'
import { parseOriginList } from './http/origins.ts'
import { checkDatabase, checkDataDir, startupMessage } from './startup.ts'

const env = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(1234),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATA_DIR: z.string().min(1).default('./data'),
    PUBLIC_URL: z.url().optional(),
    // Several instances: PostgreSQL as the shared store, Redis between them (README).
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// URL')
      .optional(),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'a redis:// or rediss:// URL')
      .optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
    ALLOWED_ORIGINS: z
      .string()
      .default('')
      .transform((value, ctx) => {
        const parsed = parseOriginList(value)
        if (!parsed.ok) {
          ctx.addIssue({ code: 'custom', message: parsed.message })
          return z.NEVER
        }
        return parsed.origins
      }),
  })
  .safeParse(process.env)

if (!env.success) {
  console.error('Invalid configuration:\n' + z.prettifyError(env.error))
  process.exit(2)
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const { PORT, HOST, DATA_DIR, PUBLIC_URL, LOG_LEVEL, ALLOWED_ORIGINS, DATABASE_URL, REDIS_URL } =
  env.data

/** Starts, or prints one line saying why not (no stack trace: the cause is the operator's). */
async function start() {
  try {
    const dataDir = resolve(DATA_DIR)
    checkDataDir(dataDir)
    if (!DATABASE_URL) checkDatabase(dataDir)
    return await createTramaServer({
      databaseUrl: DATABASE_URL,
      redisUrl: REDIS_URL,
      port: PORT,
      host: HOST,
      dataDir,
      staticDir: join(root, 'dist', 'client'),
      publicUrl: PUBLIC_URL,
      allowedOrigins: ALLOWED_ORIGINS,
      lanHost: HOST === '0.0.0.0' || HOST === '::' ? lanIPv4()[0] : undefined,
      logLevel: LOG_LEVEL,
    })
  } catch (err) {
    console.error(
      `Trama cannot start: ${startupMessage(err, { PORT, HOST, DATA_DIR: resolve(DATA_DIR) })}`,
    )
    process.exit(1)
  }
}
const server = await start()

/** This machine's IPv4 addresses on its networks (not loopback). */
function lanIPv4(): string[] {
  const out: string[] = []
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push(a.address)
  return out
}

/** Addresses people on the same network can open. */
function lanAddresses(): string[] {
  if (HOST !== '0.0.0.0' && HOST !== '::') return [server.url]
  return [
    `http://localhost:${server.port}`,
    ...lanIPv4().map((ip) => `http://${ip}:${server.port}`),
  ]
}

console.log(
  `\nTrama is running. Open the board at:\n${lanAddresses()
    .map((u) => `  ${u}`)
    .join('\n')}\n`,
)

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  })
}
