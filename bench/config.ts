/** Bench configuration: CLI flags (`--boards 12`, `--boards=12`) override env (`BENCH_BOARDS`). */
export interface BenchConfig {
  boards: number
  clients: number
  /** Updates per second written by each client. */
  rate: number
  /** Length of the measured phase. */
  seconds: number
  /** Writing before the measured phase (not counted). */
  warmupSeconds: number
  /** Longest wait for in-flight deliveries after the writers stop. */
  drainSeconds: number
  /** Base seed of the per-client PRNGs: both servers get the same edits. */
  seed: number
  /** Which server runs first (the other runs second): `--order reference,trama`. */
  order: TargetName[]
}

export const TARGET_NAMES = ['trama', 'reference'] as const
export type TargetName = (typeof TARGET_NAMES)[number]

interface Option {
  key: Exclude<keyof BenchConfig, 'order'>
  flag: string
  env: string
  fallback: number
  min: number
  max: number
  integer: boolean
}

const opt = (
  key: Option['key'],
  flag: string,
  fallback: number,
  [min, max]: [number, number],
  integer = false,
): Option => ({ key, flag, env: `BENCH_${flag.toUpperCase()}`, fallback, min, max, integer })

const OPTIONS: Option[] = [
  opt('boards', 'boards', 12, [1, 200], true),
  opt('clients', 'clients', 10, [2, 200], true),
  opt('rate', 'rate', 4, [0.1, 1000]),
  opt('seconds', 'seconds', 20, [1, 600]),
  opt('warmupSeconds', 'warmup', 3, [0, 60]),
  opt('drainSeconds', 'drain', 10, [1, 120]),
  opt('seed', 'seed', 1, [0, 2 ** 31], true),
]

export const USAGE = `Usage: npx tsx bench/server.ts [options]   (or npm run bench -- [options])
${OPTIONS.map((o) => `  --${o.flag.padEnd(8)} (env ${o.env.padEnd(13)}) default ${o.fallback}`).join('\n')}
  --order    (env BENCH_ORDER  ) default trama,reference`

function parseOrder(raw: string, source: string): TargetName[] {
  const names = raw.split(',').map((n) => n.trim())
  const ok = names.length === TARGET_NAMES.length && TARGET_NAMES.every((t) => names.includes(t))
  if (!ok) throw new Error(`${source}: expected "trama,reference" or "reference,trama"`)
  return names as TargetName[]
}

function parseValue(option: Option, raw: string, source: string): number {
  const value = Number(raw)
  const ok =
    raw.trim() !== '' &&
    Number.isFinite(value) &&
    value >= option.min &&
    value <= option.max &&
    (!option.integer || Number.isInteger(value))
  if (!ok)
    throw new Error(
      `${source}: expected ${option.integer ? 'an integer' : 'a number'} in ` +
        `[${option.min}, ${option.max}], got "${raw}"`,
    )
  return value
}

export function parseConfig(argv: string[], env: NodeJS.ProcessEnv): BenchConfig {
  const config = {
    order: parseOrder(env.BENCH_ORDER || 'trama,reference', 'env BENCH_ORDER'),
  } as BenchConfig
  for (const option of OPTIONS) {
    const raw = env[option.env]
    config[option.key] =
      raw === undefined || raw === ''
        ? option.fallback
        : parseValue(option, raw, `env ${option.env}`)
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--help' || arg === '-h') throw new Error(USAGE)
    const match = /^--([a-z]+)(?:=(.*))?$/.exec(arg)
    const flag = match?.[1]
    const option = OPTIONS.find((o) => o.flag === flag)
    if (!match || (!option && flag !== 'order'))
      throw new Error(`unknown argument "${arg}"\n${USAGE}`)
    const raw = match[2] ?? argv[++i]
    if (raw === undefined) throw new Error(`--${flag} needs a value`)
    if (option) config[option.key] = parseValue(option, raw, `--${flag}`)
    else config.order = parseOrder(raw, '--order')
  }
  return config
}
