/**
 * A tree cut in parts whose last part holds cards never linked to the core: the document said
 * «Ogni parte ripete il problema centrale» and that part showed two cards with no core problem.
 */
import { describe, expect, it } from 'vitest'
import { walkthroughPdfPages } from '../helpers/walkthroughBoard.ts'

describe('a tree in parts, one of cards not linked to its core', () => {
  it('says which part holds them, in the guide and above the part, and promises the core only on the others', async () => {
    for (const [id, note] of [
      ['problems', 'carte non collegate al problema centrale'],
      ['objectives', 'carte non collegate all’obiettivo centrale'],
    ] as const) {
      const pages = await walkthroughPdfPages([id])
      const guide = pages[0]!.text
      expect(guide, id).toContain(', tranne quelle delle carte non collegate ad esso.')
      expect(guide, id).toContain(`Parte 3 (${note}): «`)
      expect(guide, id).toContain('Parte 1: «')
      const last = pages.find((p) => p.text.includes('parte 3 di 3'))!
      expect(last.text, id).toContain(`parte 3 di 3 · ${note} · segue da pagina`)
      const first = pages.find((p) => p.text.includes('parte 1 di 3'))!
      expect(first.text, id).not.toContain(note)
    }
  })
})
