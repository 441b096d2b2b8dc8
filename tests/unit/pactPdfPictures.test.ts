/**
 * The stakeholder grid and map in the pact document: under their section's title, on one page.
 * The board is a workshop's, written in a walkthrough of the app (six actors, a few relations).
 */
import { describe, expect, it } from 'vitest'
import { walkthroughPdfPages } from '../helpers/walkthroughBoard.ts'

const pictureSections = () => walkthroughPdfPages(['grid', 'map'])

describe('the stakeholder pictures in the pact document', () => {
  it('draws the grid and the map under their titles, each on one sideways page', async () => {
    const pages = await pictureSections()
    // before: each title alone on an upright page, the picture on the next (sideways) one, and
    // the map in two pieces that each showed nearly all of it
    expect(pages).toHaveLength(3) // the grid, its engagement table, the map
    const grid = pages.find((p) => p.text.startsWith('Griglia potere/interesse'))!
    expect(grid.sideways).toBe(true)
    expect(grid.text).toContain('Gestire da vicino')
    expect(grid.text).toContain('Legenda')
    const map = pages.find((p) => p.text.startsWith('Mappa delle relazioni'))!
    expect(map.sideways).toBe(true)
    expect(map.text).toContain('Confartigianato Lecco')
    expect(map.text).toContain('Legenda')
    expect(pages.some((p) => /Parte \d di/.test(p.text))).toBe(false)
  }, 30_000)
})
