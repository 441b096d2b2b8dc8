/**
 * Names what the browser spends its time on, in the sources' words: reads the built bundles'
 * source maps (a small decoder, no dependency), maps CPU-profile frames and function locations
 * back to original files and functions, and groups self time by package or app file.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CDPSession } from 'playwright-core'
import { FIRST_RENDER_MARK } from './client-page.ts'

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const B64_VALUE = new Map([...B64].map((c, i) => [c, i]))

/** Calls that wrap a component, whose names say nothing about it. */
const WRAPPERS = new Set(['memo', 'forwardRef', 'useCallback', 'useMemo'])

/** [generated column, source, original line, original column, name?] */
type Segment = [number, number, number, number, number | undefined]

interface RawMap {
  sources: string[]
  sourcesContent?: (string | null)[]
  names: string[]
  mappings: string
}

class SourceMap {
  private readonly lines: Segment[][] = []
  private readonly contentLines = new Map<number, string[]>()

  constructor(private readonly raw: RawMap) {
    let source = 0
    let line = 0
    let column = 0
    let name = 0
    for (const text of raw.mappings.split(';')) {
      const segments: Segment[] = []
      let generated = 0
      for (const part of text.split(',')) {
        if (!part) continue
        const values: number[] = []
        let value = 0
        let shift = 0
        for (const ch of part) {
          const digit = B64_VALUE.get(ch)!
          value += (digit & 31) << shift
          if (digit & 32) shift += 5
          else {
            values.push(value & 1 ? -(value >>> 1) : value >>> 1)
            value = 0
            shift = 0
          }
        }
        generated += values[0]!
        if (values.length < 4) continue
        source += values[1]!
        line += values[2]!
        column += values[3]!
        if (values.length > 4) name += values[4]!
        segments.push([generated, source, line, column, values.length > 4 ? name : undefined])
      }
      this.lines.push(segments)
    }
  }

  /** The original place of a generated position (0-based line and column). */
  lookup(line: number, column: number): { source: string; line: number; name?: string } | null {
    const segments = this.lines[line]
    if (!segments?.length) return null
    let lo = 0
    let hi = segments.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (segments[mid]![0] <= column) lo = mid
      else hi = mid - 1
    }
    // V8 places a function at the `(` of its parameters: the renamed identifier, which carries
    // the original name (`function Foo(`, `const Foo = (`, `foo(` in an object), comes before.
    let name: string | undefined
    for (let i = lo; i >= Math.max(0, lo - 3) && name === undefined; i--) {
      const n = segments[i]![4]
      if (n !== undefined && column - segments[i]![0] < 48) name = this.raw.names[n]
    }
    const seg = segments[lo]!
    const source = this.raw.sources[seg[1]] ?? '?'
    // `memo(function Card(`: the wrapper's name is nearer, the component's is in the text.
    const named = name && !WRAPPERS.has(name) ? { name } : this.nameFromText(seg)
    return { source, line: seg[2] + 1, ...(named.name || !name ? named : { name }) }
  }

  /** Falls back to the original text: `function Foo`, `const Foo =`, `Foo(` on that line. */
  private nameFromText(seg: Segment): { name?: string } {
    let lines = this.contentLines.get(seg[1])
    if (!lines) {
      lines = (this.raw.sourcesContent?.[seg[1]] ?? '').split('\n')
      this.contentLines.set(seg[1], lines)
    }
    const text = lines[seg[2]]?.slice(Math.max(0, seg[3] - 40), seg[3] + 80) ?? ''
    const m =
      /function\s*\*?\s*([A-Za-z_$][\w$]*)/.exec(text) ??
      /(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=/.exec(text) ??
      /([A-Za-z_$][\w$]*)\s*(?:=|:)\s*(?:\([^)]*\)|[A-Za-z_$][\w$]*)\s*=>/.exec(text)
    return m ? { name: m[1]! } : {}
  }
}

/** Where a frame comes from: a package (`react-dom`, `@xyflow/react`) or an app file. */
export function bucketOf(source: string): string {
  const path = source.replace(/\\/g, '/').replace(/^(\.\.\/)+/, '')
  const at = path.lastIndexOf('node_modules/')
  if (at >= 0) {
    const parts = path.slice(at + 'node_modules/'.length).split('/')
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!
  }
  return path
}

/** A script's path, or its URL as it is when it is not one (an init script's name). */
function pathOf(url: string): string {
  try {
    return new URL(url).pathname
  } catch {
    return url
  }
}

/** Maps served script URLs (http://host/assets/x.js) to the source maps in a dist folder. */
export class Symbolizer {
  private readonly maps = new Map<string, SourceMap | null>()

  constructor(private readonly distDirs: Map<string, string>) {}

  private mapFor(url: string): SourceMap | null {
    if (this.maps.has(url)) return this.maps.get(url)!
    let map: SourceMap | null = null
    try {
      const u = new URL(url)
      const dir = this.distDirs.get(u.origin)
      const file = dir && join(dir, decodeURIComponent(u.pathname)) + '.map'
      if (file && existsSync(file)) map = new SourceMap(JSON.parse(readFileSync(file, 'utf8')))
    } catch {
      map = null
    }
    this.maps.set(url, map)
    return map
  }

  /** `{ bucket, label }` of a generated position (0-based), e.g. `client/canvas/X.tsx`. */
  describe(url: string, line: number, column: number, fallbackName: string) {
    const hit = url ? this.mapFor(url)?.lookup(line, column) : null
    if (!hit) {
      const bucket = url ? `(unmapped) ${pathOf(url)}` : fallbackName || '(anonymous)'
      return { bucket, label: `${fallbackName || '(anonymous)'} ${bucket}` }
    }
    const bucket = bucketOf(hit.source)
    return { bucket, label: `${hit.name ?? fallbackName ?? '?'} (${bucket}:${hit.line})` }
  }
}

interface ProfileNode {
  id: number
  callFrame: {
    functionName: string
    url: string
    lineNumber: number
    columnNumber: number
  }
}
export interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

export interface Share {
  name: string
  ms: number
  /** Percent of the main thread's busy time. */
  pct: number
}
export interface CpuSummary {
  totalMs: number
  busyMs: number
  buckets: Share[]
  functions: Share[]
  /** The same, for the samples before the probe's first-render mark (when it is there). */
  untilFirstRender?: CpuSummary
}

const NATIVE: Record<string, string> = {
  '(program)': '(native: style, layout, paint, input, …)',
  '(garbage collector)': '(garbage collector)',
  '(root)': '(native: style, layout, paint, input, …)',
}

/** Frames without a script URL: DOM and Web API calls, and the bench's own probe. */
const BUILT_INS = '(built-ins: DOM/Web API calls, bench probe)'

/**
 * Self time of a CPU profile, by package/app file and by function; when the probe marked the
 * first render (FIRST_RENDER_MARK), also for the samples before it.
 */
export function summarizeProfile(profile: CpuProfile, symbols: Symbolizer, top = 12): CpuSummary {
  const marks = new Set(
    profile.nodes.filter((n) => n.callFrame.functionName === FIRST_RENDER_MARK).map((n) => n.id),
  )
  const mark = marks.size ? profile.samples.findIndex((id) => marks.has(id)) : -1
  const whole = summarizeSamples(profile, profile.samples.length, symbols, top)
  return mark < 0
    ? whole
    : { ...whole, untilFirstRender: summarizeSamples(profile, mark, symbols, top) }
}

/** Self time of a profile's first `count` samples. */
function summarizeSamples(
  profile: CpuProfile,
  count: number,
  symbols: Symbolizer,
  top: number,
): CpuSummary {
  const self = new Map<number, number>()
  profile.samples.slice(0, count).forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000
    self.set(id, (self.get(id) ?? 0) + dt)
  })
  const buckets = new Map<string, number>()
  const functions = new Map<string, number>()
  let total = 0
  let idle = 0
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0
    if (!ms) continue
    total += ms
    const f = node.callFrame
    if (f.functionName === '(idle)') {
      idle += ms
      continue
    }
    const native = !f.url && (NATIVE[f.functionName] ?? BUILT_INS)
    const { bucket, label } = native
      ? { bucket: native, label: native === BUILT_INS ? `${f.functionName} (built-in)` : native }
      : symbols.describe(f.url, f.lineNumber, f.columnNumber, f.functionName)
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + ms)
    functions.set(label, (functions.get(label) ?? 0) + ms)
  }
  const busy = total - idle
  const shares = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms: round(ms), pct: round((ms / (busy || 1)) * 100, 1) }))
  return {
    totalMs: round(total),
    busyMs: round(busy),
    buckets: shares(buckets),
    functions: shares(functions),
  }
}

const round = (n: number, digits = 0) => Number(n.toFixed(digits))

/**
 * Names the functions the page left in `window.__benchTop` (the components that rendered most):
 * asks V8 where each function is defined, then maps that place through the source map.
 */
export async function nameFunctions(
  cdp: CDPSession,
  displayNames: string[],
  symbols: Symbolizer,
): Promise<string[]> {
  const count = displayNames.length
  const urls = new Map<string, string>()
  const onScript = (e: { scriptId: string; url: string }) => urls.set(e.scriptId, e.url)
  cdp.on('Debugger.scriptParsed', onScript)
  await cdp.send('Debugger.enable')
  const names: string[] = []
  try {
    for (let i = 0; i < count; i++) {
      const { result } = await cdp.send('Runtime.evaluate', {
        expression: `window.__benchTop[${i}]`,
      })
      if (!result.objectId) {
        names.push('?')
        continue
      }
      const props = await cdp.send('Runtime.getProperties', { objectId: result.objectId })
      const location = props.internalProperties?.find((p) => p.name === '[[FunctionLocation]]')
        ?.value?.value as { scriptId: string; lineNumber: number; columnNumber: number }
      const nameProp = props.result.find((p) => p.name === 'name')?.value?.value as string
      const where = location
        ? symbols.describe(
            urls.get(location.scriptId) ?? '',
            location.lineNumber,
            location.columnNumber,
            nameProp,
          )
        : null
      const shown = displayNames[i]
      names.push(
        shown && where
          ? `${shown} (${where.label.replace(/^.* \(/, '')}`
          : (where?.label ?? (shown || nameProp || '?')),
      )
    }
  } finally {
    cdp.off('Debugger.scriptParsed', onScript)
    await cdp.send('Debugger.disable')
  }
  return names
}
