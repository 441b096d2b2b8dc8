import { useEffect, useRef } from 'react'
import type { Phase, RoomState } from '../../shared/schema/index.ts'
import { isViewer, type BoardState } from '../store/boardStore.ts'
import type { Peer } from '../store/peers.ts'
import { useBoard, useBoardSession } from '../store/context.tsx'
import { useRoom } from '../room/useRoom.ts'
import { throttle } from '../lib/throttle.ts'
import { readScrollTop, scrollTopFor, type ScrollTop } from './scrollAnchor.ts'
import { useLeader } from './useFollow.ts'

/** How often where a page is read travels to those who follow (≤ 10 a second). */
const SIGHT_MS = 100

const peersSelector = (s: BoardState) => s.peers
const summonSelector = (r: RoomState) => r.summon

type Top = ScrollTop & { view: string }

const topKey = (top: Top | null | undefined) =>
  top ? `${top.view}|${top.anchor ?? ''}|${top.into}|${top.at}` : ''

/**
 * Whose reading a projector shows on a page that scrolls: a facilitator on the same view (the
 * server says who is one), the one who scrolled last when there are several, else the one who
 * last brought everyone, else one scrolled down the page, else the first.
 */
export function scrollLeader(
  peers: readonly Peer[],
  phase: Phase,
  view: string,
  lastMover: number | null,
  summoner: number | null,
): Peer | null {
  const on = peers.filter(
    (p) => p.role === 'facilitator' && p.tab === phase && p.sight?.top?.view === view,
  )
  return (
    on.find((p) => p.clientId === lastMover) ??
    on.find((p) => p.clientId === summoner) ??
    // a page just opened sits at the top: one that was scrolled was read further down
    on.find((p) => (p.sight?.top?.at ?? 0) > 0) ??
    on[0] ??
    null
  )
}

/**
 * Following on a page that scrolls (`el`, the element that scrolls, null while there is none;
 * `view`, the view of the phase it shows). Everyone's page says where it is read (presence `sight.top`); the projector
 * shows the place a facilitator reads on the same view, and keeps it as the page grows or
 * loads; a person following someone is brought to where they read, until they scroll the
 * page on their own.
 */
export function useFollowScroll(el: HTMLElement | null, phase: Phase, view: string): void {
  const { provider } = useBoardSession()
  const viewer = useBoard(isViewer)
  const peers = useBoard(peersSelector)
  const summon = useRoom(summonSelector)
  const leader = useLeader()

  // where this page is read, for those who follow it
  useEffect(() => {
    if (viewer || !el) return
    const publish = throttle(() => {
      const awareness = provider.awareness
      const sight = (awareness.getLocalState()?.sight ?? {}) as Record<string, unknown>
      awareness.setLocalStateField('sight', { ...sight, top: { view, ...readScrollTop(el) } })
    }, SIGHT_MS)
    publish()
    el.addEventListener('scroll', publish, { passive: true })
    return () => {
      el.removeEventListener('scroll', publish)
      publish.cancel()
    }
  }, [el, viewer, provider, view])

  // the facilitator who scrolled last, for a projector
  const seen = useRef(new Map<number, string>())
  const lastMover = useRef<number | null>(null)
  if (viewer)
    for (const p of peers) {
      const key = topKey(p.sight?.top)
      // a page's first reading (a tab just opened) is not a move
      const before = seen.current.get(p.clientId)
      if (before && before !== key) lastMover.current = p.clientId
      seen.current.set(p.clientId, key)
    }
  const source = viewer
    ? scrollLeader(peers, phase, view, lastMover.current, summon?.client ?? null)
    : leader?.tab === phase
      ? leader
      : null
  const top = source?.sight?.top?.view === view ? source.sight.top : null
  const key = topKey(top)
  const topRef = useRef(top)
  topRef.current = top

  // Scrolling on one's own (wheel, a swipe) lets this page be read where its person wants: the
  // leader's scrolling no longer moves it until the view changes. Clicking and typing in a
  // field do not: a follower writes while the leader moves on.
  const own = useRef(false)
  useEffect(() => {
    own.current = false
    if (viewer || !el) return
    const onOwn = () => {
      own.current = true
    }
    const events = ['wheel', 'touchmove'] as const
    for (const e of events) el.addEventListener(e, onOwn, { passive: true })
    return () => {
      for (const e of events) el.removeEventListener(e, onOwn)
    }
  }, [el, viewer, view])

  // show where they read
  useEffect(() => {
    const where = topRef.current
    if (!el || !where || own.current) return
    let placed = false
    const place = () => {
      if (own.current) return
      const y = scrollTopFor(el, where)
      if (y === null) return
      if (Math.abs(el.scrollTop - y) > 1)
        el.scrollTo({ top: y, behavior: placed ? 'instant' : 'smooth' })
      placed = true
    }
    place()
    // The view may still be loading, and grows as the board changes: a projector keeps the
    // place; a follower's page is placed once.
    const resized = new ResizeObserver(() => {
      if (viewer || !placed) place()
    })
    const watch = () => {
      resized.disconnect()
      for (const child of el.children) resized.observe(child)
    }
    watch()
    const swapped = new MutationObserver(watch)
    swapped.observe(el, { childList: true })
    return () => {
      resized.disconnect()
      swapped.disconnect()
    }
    // keyed by the place's value, not by a new object with the same numbers
  }, [key, el, viewer])
}
