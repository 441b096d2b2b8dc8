import { useLayoutEffect, useRef, useState } from 'react'
import type { Node } from '@xyflow/react'

const DURATION_MS = 450
/** A jump this long, by two cards or more at once, is a re-layout worth animating. */
const JUMP_PX = 60

const ease = (t: number) => 1 - (1 - t) ** 3

/**
 * When several cards jump at once (an auto-layout, by anyone), glide them to their new places
 * instead of teleporting them: a local, visual interpolation; the document holds only the end.
 */
export function useAnimatedNodes<T extends Node>(nodes: T[], onSettled?: () => void): T[] {
  const [frame, setFrame] = useState<T[] | null>(null)
  const shown = useRef(new Map<string, { x: number; y: number }>())
  /** Told each time the cards shown are where the document has them (after a glide, or at once). */
  const settled = useRef(onSettled)
  settled.current = onSettled
  useLayoutEffect(() => {
    const before = shown.current
    const from = new Map<string, { x: number; y: number }>()
    for (const n of nodes) {
      const p = before.get(n.id)
      if (p && !n.dragging && Math.hypot(p.x - n.position.x, p.y - n.position.y) > JUMP_PX)
        from.set(n.id, p)
    }
    shown.current = new Map(nodes.map((n) => [n.id, n.position]))
    if (from.size < 2) {
      setFrame(null)
      settled.current?.()
      return
    }
    let raf = 0
    const start = performance.now()
    const step = (now: number) => {
      const t = ease(Math.min(1, (now - start) / DURATION_MS))
      const mid = nodes.map((n) => {
        const p = from.get(n.id)
        if (!p) return n
        const position = { x: p.x + (n.position.x - p.x) * t, y: p.y + (n.position.y - p.y) * t }
        shown.current.set(n.id, position)
        return { ...n, position }
      })
      setFrame(t < 1 ? mid : null)
      if (t < 1) raf = requestAnimationFrame(step)
      else {
        shown.current = new Map(nodes.map((n) => [n.id, n.position]))
        settled.current?.()
      }
    }
    raf = requestAnimationFrame(step)
    return () => cancelAnimationFrame(raf)
  }, [nodes])
  return frame ?? nodes
}
