import { describe, expect, it } from 'vitest'
import { clearOfCorner } from '../../client/kit/fitBelowToolbar.ts'

/** A laptop's canvas (1366 × 670 under the page's header), the editing paddings, a minimap. */
const view = { width: 1366, height: 670 }
const padding = { top: 150, right: 40, bottom: 60, left: 40 }
const minimap = { width: 210, height: 136 }

describe('a tree fitted clear of the minimap in the corner', () => {
  it('a wide tree (a long row of root causes) goes above the minimap: its width decides', () => {
    const wide = { width: 3000, height: 600 }
    const p = clearOfCorner(padding, minimap, wide, view)
    expect(p).toEqual({ ...padding, bottom: 136 + 24 })
    // above, it keeps the zoom it had with no minimap: the width decides it either way
    const fit = (q: typeof padding) =>
      Math.min((1366 - q.left - q.right) / 3000, (670 - q.top - q.bottom) / 600)
    expect(fit(p)).toBe(fit(padding))
  })

  it('a tall tree (a chain of causes) goes beside it: its height decides', () => {
    const tall = { width: 300, height: 1400 }
    expect(clearOfCorner(padding, minimap, tall, view)).toEqual({ ...padding, right: 210 + 24 })
  })

  it('a tree whose height decides its zoom goes beside the minimap, where it shrinks less', () => {
    // the walkthrough's 25 problems on a laptop: above, 360 / 900 = 0.40; beside,
    // min(1092 / 2400, 460 / 900) = 0.455
    const p = clearOfCorner(padding, minimap, { width: 2400, height: 900 }, view)
    expect(p).toEqual({ ...padding, right: 234 })
  })

  it('a small tree at its largest zoom either way is fitted above, as before; padding never shrinks', () => {
    const small = { width: 200, height: 100 }
    const p = clearOfCorner(padding, minimap, small, view, { maxZoom: 1.2 })
    expect(p).toEqual({ ...padding, bottom: 160 })
    // a bottom padding larger than the minimap's (warnings at the foot) stays as it is
    expect(clearOfCorner({ ...padding, bottom: 300 }, minimap, small, view).bottom).toBe(300)
  })

  it('a tree too big for the view at the smallest zoom is framed as it was, overflowing', () => {
    const huge = { width: 30_000, height: 9_000 }
    expect(clearOfCorner(padding, minimap, huge, view, { minZoom: 0.1 })).toEqual(padding)
  })

  it('an empty tree (no size) is fitted above the minimap', () => {
    expect(clearOfCorner(padding, minimap, { width: 0, height: 0 }, view).bottom).toBe(160)
  })
})
