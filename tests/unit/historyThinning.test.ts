import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { initBoard, putCard } from '../../shared/schema/index.ts'
import { History } from '../../server/history/recorder.ts'
import { openSqliteHistory } from '../../server/history/sqlite.ts'
import { versionsToThin, DEFAULT_THINNING } from '../../server/history/thinning.ts'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const silent = { error() {}, warn() {}, info() {}, debug() {} } as never

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('thinning of versions', () => {
  it('keeps every version of the last day, one an hour for a week, one a day after, and every named one', () => {
    const now = 100 * DAY
    const versions: { id: number; at: number; name: string | null; bytes: number }[] = []
    let id = 0
    // every 10 minutes for 20 days
    for (let at = now - 20 * DAY; at <= now; at += 10 * 60_000)
      versions.push({ id: ++id, at, name: null, bytes: 100 })
    const namedOld = {
      id: ++id,
      at: now - 19 * DAY + 7 * 60_000,
      name: 'Fine primo incontro',
      bytes: 100,
    }
    versions.push(namedOld)
    const drop = new Set(versionsToThin(versions, now))
    const kept = versions.filter((v) => !drop.has(v.id))
    const lastDay = versions.filter((v) => now - v.at < DAY)
    expect(lastDay.every((v) => !drop.has(v.id))).toBe(true)
    expect(drop.has(namedOld.id)).toBe(false)
    const week = kept.filter((v) => now - v.at >= DAY && now - v.at < 7 * DAY && v.name === null)
    const hours = new Set(week.map((v) => Math.floor(v.at / HOUR)))
    expect(week.length).toBe(hours.size)
    expect(week.length).toBeGreaterThanOrEqual(6 * 24 - 1)
    const older = kept.filter((v) => now - v.at >= 7 * DAY && v.name === null)
    const days = new Set(older.map((v) => Math.floor(v.at / DAY)))
    expect(older.length).toBe(days.size)
    // the newest of each hour is the one kept
    for (const v of week) {
      const sameHour = versions.filter((o) => Math.floor(o.at / HOUR) === Math.floor(v.at / HOUR))
      expect(v.at).toBe(Math.max(...sameHour.map((o) => o.at)))
    }
  })

  it('keeps storage under its bound by dropping the oldest unnamed versions, never the newest or a named one', () => {
    const now = 10 * HOUR
    const versions = Array.from({ length: 10 }, (_, i) => ({
      id: i + 1,
      at: now - (10 - i) * 60_000,
      name: i === 0 ? 'Prima' : null,
      bytes: 1000,
    }))
    const drop = versionsToThin(versions, now, { ...DEFAULT_THINNING, maxBytes: 4500 })
    expect(drop.sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7])
    // even past the bound, the newest stays
    expect(
      versionsToThin([{ id: 1, at: 0, name: null, bytes: 10 }], now, {
        ...DEFAULT_THINNING,
        maxBytes: 1,
      }),
    ).toEqual([])
  })

  it(
    'the history thins a board on a fake clock: named and recent versions stay',
    { timeout: 60_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'trama-history-'))
      dirs.push(dir)
      let now = 50 * DAY
      const store = openSqliteHistory(dir)
      const history = new History({ store, log: silent, now: () => now })
      const doc = new Y.Doc()
      initBoard(doc, 'Patto', new Date(now).toISOString())
      const room = { id: 'board-000001', doc }
      const author = { role: 'facilitator' as const, author: 'Giulia' }
      // one checkpoint every 30 minutes for 10 days, a named one on day 2
      for (let i = 0; i < 10 * 48; i++) {
        doc.transact(() =>
          putCard(doc, 'problems', `c${i}`, {
            kind: 'problem',
            label: `c${i}`,
            x: 0,
            y: 0,
            role: 'cause',
          }),
        )
        await history.checkpoint(room, 'activity', author, i === 60 ? 'Fine primo incontro' : null)
        now += 30 * 60_000
      }
      // thinned as it went, after every automatic version
      const after = await store.listVersions(room.id)
      expect(await history.thin(room.id)).toBe(0)
      expect(after.some((v) => v.name === 'Fine primo incontro')).toBe(true)
      // every version of the last day (taken every 30 minutes, the newest 30 minutes ago)
      expect(after.filter((v) => now - v.at < DAY)).toHaveLength(47)
      expect(after[0]!.at).toBe(now - 30 * 60_000)
      // then one an hour for six days, one a day for the rest, and the named one
      const hourly = after.filter((v) => now - v.at >= DAY && now - v.at < 7 * DAY && !v.name)
      expect(hourly.length).toBeGreaterThanOrEqual(6 * 24 - 1)
      expect(hourly.length).toBeLessThanOrEqual(6 * 24 + 1)
      const daily = after.filter((v) => now - v.at >= 7 * DAY && !v.name)
      expect(daily.length).toBeLessThanOrEqual(4)
      expect(after.length).toBeLessThanOrEqual(48 + 6 * 24 + 4 + 1)
      // what is kept still opens
      const state = await store.versionState(room.id, after[after.length - 1]!.id)
      const old = new Y.Doc()
      Y.applyUpdate(old, state!)
      expect(old.getMap('problems.nodes').size).toBeGreaterThan(0)
      await history.close()
    },
  )
})
