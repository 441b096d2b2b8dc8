/**
 * The probe the client benchmark installs in every page before any of the page's scripts run
 * (as an init script): load milestones, viewport changes, WebSocket traffic, long tasks,
 * requestAnimationFrame intervals, pointer moves, React commits and — while profiling — which
 * components rendered in each commit (through a minimal React DevTools hook).
 *
 * It runs in the browser: no imports, no outer variables. tsx compiles with esbuild's keepNames,
 * which wraps named functions in `__name(…)`; {@link probeScript} defines a no-op `__name` first.
 */

export interface LoadTimes {
  /** All times in ms since navigation start (performance.now() in the page). */
  domContentLoaded: number | null
  /** All N cards are in the DOM (`.react-flow__node`). */
  nodes: number | null
  /**
   * All links are in the DOM: React Flow draws a link once both its cards are measured. A page
   * that draws only what is in view (Trama from 300 cards) never has them all: for it, the
   * moment the last link appeared, once their number has not changed for `stableMs`.
   */
  edges: number | null
  /** The links in the DOM at that moment. */
  linksDrawn: number
  /** The first frame after cards and links were complete. */
  painted: number | null
  viewportFirst: number | null
  /** The last change of the viewport transform (fitView), before it stayed still. */
  viewportLast: number | null
  /**
   * The board's data arrived: for Trama the first of its preview (GET …/preview) and the
   * largest WebSocket message (the document), for the baseline board.json.
   */
  dataReceived: number | null
  /** Trama: the largest WebSocket message (the board's document) arrived. */
  socketData: number | null
  /** Trama: the board's preview arrived (boards from 300 records). */
  previewFetched: number | null
  /** Trama: the board's title and role arrived (GET /api/boards/:id). */
  infoFetched: number | null
  /** Trama: the sync WebSocket was created (the session started), then opened. */
  wsCreated: number | null
  wsOpen: number | null
  wsBytes: number
  /** Long tasks before the page was stable: count, blocking time (sum of parts > 50 ms), max. */
  longTasks: { count: number; blockingMs: number; maxMs: number }
}

export interface DragSample {
  /** requestAnimationFrame intervals (ms). */
  frames: number[]
  durationMs: number
  pointerMoves: number
  commits: number
  longTasks: { count: number; blockingMs: number; maxMs: number }
}

export interface RenderCount {
  /** The component's displayName, if it has one. */
  label: string
  count: number
}

export interface ProbeOptions {
  nodes: number
  edges: number
  /** The viewport must stay still this long to count as fitted. */
  stableMs: number
  timeoutMs: number
  boardJson: string | null
  /**
   * Profiled loads: when all cards are in the DOM the probe runs FIRST_RENDER_MARK for ~2 ms,
   * so the CPU profile shows where the first render was (client-profile.ts cuts there).
   */
  markFirstRender?: boolean
}

/** The function the probe runs at the first render of a profiled load (see markFirstRender). */
export const FIRST_RENDER_MARK = 'benchFirstRenderMark'

export function installProbe(opts: ProbeOptions): void {
  type Fiber = {
    tag: number
    type: unknown
    elementType: unknown
    flags: number
    child: Fiber | null
    sibling: Fiber | null
    alternate: Fiber | null
  }
  const w = window as unknown as Record<string, unknown>
  const now = () => performance.now()
  const t: LoadTimes = {
    domContentLoaded: null,
    nodes: null,
    edges: null,
    linksDrawn: 0,
    painted: null,
    viewportFirst: null,
    viewportLast: null,
    dataReceived: null,
    socketData: null,
    previewFetched: null,
    infoFetched: null,
    wsCreated: null,
    wsOpen: null,
    wsBytes: 0,
    longTasks: { count: 0, blockingMs: 0, maxMs: 0 },
  }
  const longTasks: [number, number][] = []
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push([e.startTime, e.duration])
  }).observe({ type: 'longtask', buffered: true })
  const tasksBetween = (from: number, to: number) => {
    const out = { count: 0, blockingMs: 0, maxMs: 0 }
    for (const [start, duration] of longTasks)
      if (start >= from && start < to) {
        out.count++
        out.blockingMs += Math.max(0, duration - 50)
        out.maxMs = Math.max(out.maxMs, duration)
      }
    return out
  }
  document.addEventListener('DOMContentLoaded', () => (t.domContentLoaded = now()))

  // WebSocket traffic until the cards are in: the board arrives as one large sync message.
  let largestMessage = 0
  const NativeSocket = window.WebSocket
  window.WebSocket = class extends NativeSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols)
      t.wsCreated ??= now()
      this.addEventListener('open', () => (t.wsOpen ??= now()))
      this.addEventListener('message', (e: MessageEvent) => {
        if (t.nodes !== null) return
        const size =
          e.data instanceof ArrayBuffer ? e.data.byteLength : String(e.data as string).length
        t.wsBytes += size
        if (size > largestMessage) {
          largestMessage = size
          t.socketData = now()
        }
      })
    }
  }

  // Cards, links and the viewport, watched through live collections (cheap to read).
  const nodeEls = document.getElementsByClassName('react-flow__node')
  const edgeEls = document.getElementsByClassName('react-flow__edge')
  const viewports = document.getElementsByClassName('react-flow__viewport')
  let viewport: Element | null = null
  let transform = ''
  const onViewport = () => {
    const next = (viewport as HTMLElement).style.transform
    if (next === transform) return
    transform = next
    t.viewportFirst ??= now()
    t.viewportLast = now()
  }
  const viewportObserver = new MutationObserver(onViewport)
  const domObserver = new MutationObserver(() => {
    if (viewports[0] && viewports[0] !== viewport) {
      viewport = viewports[0]
      viewportObserver.observe(viewport, { attributes: true, attributeFilter: ['style'] })
      onViewport()
    }
    if (t.nodes === null && nodeEls.length >= opts.nodes) {
      t.nodes = now()
      // named as FIRST_RENDER_MARK (the probe runs as a string: it cannot import it); a sample
      // every ms lands in it at least once
      if (opts.markFirstRender)
        (function benchFirstRenderMark() {
          const end = performance.now() + 2
          while (performance.now() < end);
        })()
    }
    if (t.edges !== null || t.nodes === null) return
    if (edgeEls.length !== linksSeen.count) {
      const stamp = now()
      linksSeen = { count: edgeEls.length, at: stamp, painted: null }
      requestAnimationFrame(() =>
        setTimeout(() => {
          if (linksSeen.at === stamp) linksSeen.painted = now()
        }),
      )
    }
    if (edgeEls.length >= opts.edges) {
      t.edges = now()
      t.linksDrawn = edgeEls.length
      requestAnimationFrame(() => setTimeout(() => (t.painted = now())))
      domObserver.disconnect()
    }
  })
  /** The number of links in the DOM, when it last changed, and the frame after. */
  let linksSeen: { count: number; at: number; painted: number | null } = {
    count: 0,
    at: 0,
    painted: null,
  }
  /** Links that stopped coming before all were in: the page draws only those in view. */
  const linksSettled = () => {
    if (t.edges !== null || t.nodes === null || !linksSeen.count || linksSeen.painted === null)
      return
    if (now() - linksSeen.at < opts.stableMs) return
    t.edges = linksSeen.at
    t.linksDrawn = linksSeen.count
    t.painted = linksSeen.painted
    domObserver.disconnect()
  }
  domObserver.observe(document, { childList: true, subtree: true })

  // Frames and pointer moves while dragging.
  let frames: number[] = []
  let recording = false
  let pointerMoves = 0
  let dragStart = 0
  document.addEventListener('pointermove', () => pointerMoves++, { capture: true, passive: true })
  const onFrame = (ts: number) => {
    frames.push(ts)
    if (recording) requestAnimationFrame(onFrame)
  }

  // A minimal React DevTools hook: counts commits; while `walking`, counts the function and
  // class components that rendered (PerformedWork flag) in the parts of the tree that changed.
  let commits = 0
  let walking = false
  let walkedCommits = 0
  const renders = new Map<unknown, number>()
  /** displayName survives minification (React Flow sets it on its memo wrappers). */
  const displayNames = new Map<unknown, string>()
  const COMPONENT_TAGS = new Set([0, 1, 11, 15])
  const countRenders = (top: Fiber) => {
    const stack: Fiber[] = []
    if (top.child && (!top.alternate || top.child !== top.alternate.child)) stack.push(top.child)
    while (stack.length) {
      for (let f: Fiber | null = stack.pop()!; f; f = f.sibling) {
        if (COMPONENT_TAGS.has(f.tag) && f.flags & 1) {
          const fn = f.tag === 11 ? (f.type as { render: unknown }).render : f.type
          renders.set(fn, (renders.get(fn) ?? 0) + 1)
          if (!displayNames.has(fn)) {
            const named = (x: unknown) => (x as { displayName?: string } | null)?.displayName
            displayNames.set(fn, named(f.elementType) || named(f.type) || '')
          }
        }
        if (f.child && (!f.alternate || f.child !== f.alternate.child)) stack.push(f.child)
      }
    }
  }
  let nextRenderer = 0
  w.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject: () => ++nextRenderer,
    checkDCE: () => {},
    onScheduleFiberRoot: () => {},
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
    onCommitFiberRoot: (_id: number, root: { current: Fiber }) => {
      commits++
      if (!walking) return
      walkedCommits++
      countRenders(root.current)
    },
  }

  const fetched = (match: (url: string) => boolean) => {
    const entry = performance.getEntriesByType('resource').find((e) => match(e.name))
    return entry ? (entry as PerformanceResourceTiming).responseEnd : null
  }
  const resourceTimes = () => {
    if (opts.boardJson) t.dataReceived ??= fetched((url) => url === opts.boardJson)
    t.previewFetched ??= fetched((url) => /\/api\/boards\/[^/?]+\/preview\?/.test(url))
    t.infoFetched ??= fetched((url) => /\/api\/boards\/[^/?]+\?/.test(url))
  }
  /** Trama's data: whichever of the preview and the document came first. */
  const firstData = () => {
    const times = [t.socketData, t.previewFetched].filter((x): x is number => x !== null)
    if (times.length) t.dataReceived = Math.min(...times)
  }

  w.__bench = {
    t,
    /** Resolves once cards, links and a still viewport are there (or rejects on timeout). */
    whenStable: () =>
      new Promise<LoadTimes>((resolve, reject) => {
        const check = () => {
          resourceTimes()
          linksSettled()
          const still = t.viewportLast !== null && now() - t.viewportLast >= opts.stableMs
          if (t.painted !== null && still) {
            if (!opts.boardJson) firstData()
            t.longTasks = tasksBetween(0, now())
            return resolve(t)
          }
          if (now() > opts.timeoutMs)
            return reject(
              new Error(
                `page not stable after ${opts.timeoutMs} ms: ${nodeEls.length}/${opts.nodes} ` +
                  `cards, ${edgeEls.length}/${opts.edges} links, viewport ${transform || 'none'}`,
              ),
            )
          setTimeout(check, 50)
        }
        check()
      }),
    dragStart: () => {
      frames = []
      pointerMoves = 0
      commits = 0
      dragStart = now()
      recording = true
      requestAnimationFrame(onFrame)
    },
    dragStop: (): DragSample => {
      recording = false
      const intervals = frames.slice(1).map((ts, i) => ts - frames[i]!)
      return {
        frames: intervals,
        durationMs: now() - dragStart,
        pointerMoves,
        commits,
        longTasks: tasksBetween(dragStart, now()),
      }
    },
    setWalking: (on: boolean) => {
      walking = on
      walkedCommits = 0
      renders.clear()
      displayNames.clear()
    },
    /** The components that rendered most since setWalking(true); kept for the CDP lookup. */
    topRenders: (k: number) => {
      const sorted = [...renders].sort((a, b) => b[1] - a[1])
      w.__benchTop = sorted.slice(0, k).map(([fn]) => fn)
      const total = sorted.reduce((s, [, n]) => s + n, 0)
      const top = sorted.slice(0, k).map(([fn, count]) => ({
        label: displayNames.get(fn) ?? '',
        count,
      }))
      return { total, commits: walkedCommits, top }
    },
    cardBox: (id: string) => {
      const el = document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`)
      const r = el?.getBoundingClientRect()
      return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null
    },
  }
}

/** The init script: the probe with its options, runnable before the page's own scripts. */
export function probeScript(opts: ProbeOptions): string {
  return `var __name = (f) => f;\n(${installProbe.toString()})(${JSON.stringify(opts)});`
}
