/** CPU time of a process tree from /proc (Linux): Redis, or PostgreSQL and its backends. */
import { readdirSync, readFileSync } from 'node:fs'

/** Linux reports CPU times in clock ticks of 10 ms (`getconf CLK_TCK` = 100). */
const TICK_MS = 10

/**
 * CPU milliseconds used so far by process `root` and all its descendants, with their children
 * that ended (a PostgreSQL backend that exited counts in its postmaster's). Descendants, not
 * the process group: PostgreSQL's children each start a session of their own. Null off Linux.
 */
export function treeCpuMs(root: number): number | null {
  let names: string[]
  try {
    names = readdirSync('/proc')
  } catch {
    return null
  }
  const children = new Map<number, number[]>()
  const ticks = new Map<number, number>()
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue
    let stat: string
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8')
    } catch {
      continue // ended meanwhile
    }
    // after "pid (comm) ": state, ppid, … utime (14th field), stime, cutime, cstime
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const pid = Number(name)
    const ppid = Number(fields[1])
    ticks.set(
      pid,
      Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]),
    )
    children.set(ppid, [...(children.get(ppid) ?? []), pid])
  }
  if (!ticks.has(root)) return null
  let total = 0
  const todo = [root]
  while (todo.length) {
    const pid = todo.pop()!
    total += ticks.get(pid) ?? 0
    todo.push(...(children.get(pid) ?? []))
  }
  return total * TICK_MS
}
