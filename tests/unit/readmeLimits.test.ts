import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_HTTP_LIMITS, DEFAULT_LIMITS } from '../../server/sync/config.ts'

const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8')

/** The README's limits table: setting → the value as written (`16 MiB`, `25 s`, `2,000,000`). */
function readmeLimits(): Map<string, string> {
  const rows = new Map<string, string>()
  for (const line of readme.split('\n')) {
    const cells = line
      .trim()
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim())
    const setting = /^`(\w+)`$/.exec(cells[2] ?? '')?.[1]
    if (cells.length === 4 && setting) rows.set(setting, cells[1]!)
  }
  return rows
}

/**
 * `16 MiB` → bytes (or MiB for settings named …MiB), `25 s` → ms (settings named …Ms), `200/s`,
 * `60/min`, `32 levels` → numbers.
 */
function toNumber(setting: string, written: string): number {
  const m = /^([\d,.]+)\s*(KiB|MiB|MiB\/s|s|ms|\/s|\/min|levels)?$/.exec(written)
  if (!m) throw new Error(`${setting}: cannot read "${written}"`)
  const n = Number(m[1]!.replace(/,/g, ''))
  switch (m[2]) {
    case 'KiB':
      return n * 1024
    case 'MiB':
    case 'MiB/s':
      return setting.endsWith('MiB') ? n : n * 1024 * 1024
    case 's':
      return setting.endsWith('Ms') ? n * 1000 : n
    default:
      return n
  }
}

describe('README limits', () => {
  const config: Record<string, number> = { ...DEFAULT_LIMITS, ...DEFAULT_HTTP_LIMITS }

  it('lists every limit of the config, with the value the config has', () => {
    const table = readmeLimits()
    expect([...table.keys()].sort()).toEqual(Object.keys(config).sort())
    for (const [setting, written] of table)
      expect(toNumber(setting, written), `${setting} (${written})`).toBe(config[setting])
  })

  it('the prose elsewhere agrees with the table', () => {
    const mib = (n: number) => `${n / 1024 / 1024} MiB`
    expect(readme).toContain(`${mib(DEFAULT_HTTP_LIMITS.maxImportBytes)} for an import`)
    expect(readme).toContain(`${DEFAULT_HTTP_LIMITS.maxNewBoardBytes / 1024} KiB for a new board`)
    expect(readme).toContain(`nests deeper than ${DEFAULT_HTTP_LIMITS.maxImportDepth} levels`)
    expect(readme).toContain(`a board over ${mib(DEFAULT_LIMITS.maxBoardBytes)} is`)
    expect(readme).not.toMatch(/Frames over 2 MiB|more than 16 MiB unsent/)
  })
})
