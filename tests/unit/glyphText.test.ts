import { describe, expect, it } from 'vitest'
import { renderAsync } from '@resvg/resvg-js'
import { FONT_FAMILY, renderCanvas } from '../../shared/render/index.ts'
import { FONT_FILES } from '../../server/export/fonts.ts'
import { textAsGlyphs } from '../../server/export/glyphText.ts'
import { pactBoard } from '../helpers/pactBoard.ts'

const draw = async (svg: string) => {
  const image = await renderAsync(svg, {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    background: '#ffffff',
  })
  return { width: image.width, height: image.height, pixels: image.pixels }
}

describe('text as glyph outlines (the PNG’s text)', () => {
  it('draws the same picture as resvg’s own text, with no text element left', async () => {
    const { svg } = renderCanvas(pactBoard(2), 'problems')
    const glyphs = await textAsGlyphs(svg)
    expect(glyphs).not.toContain('<text')
    expect(glyphs).toContain('<use href="#g')
    const [a, b] = await Promise.all([draw(svg), draw(glyphs)])
    expect([b.width, b.height]).toEqual([a.width, a.height])
    let inked = 0
    let differ = 0
    for (let i = 0; i < a.pixels.length; i += 4) {
      const dark = a.pixels[i]! < 128
      if (dark) inked++
      if (dark !== b.pixels[i]! < 128) differ++
    }
    // anti-aliasing may differ at glyph edges; the letters themselves are the same
    expect(inked).toBeGreaterThan(2000)
    expect(differ / inked).toBeLessThan(0.05)
  })

  it('keeps markup in a label as letters', async () => {
    const glyphs = await textAsGlyphs(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text x="0" y="0" font-size="14" fill="#000"><tspan x="0" dy="14">&lt;img onerror=x&gt; ]]&gt;</tspan></text></svg>',
    )
    expect(glyphs).not.toMatch(/<img|onerror=|<script/)
    // 17 visible characters, each a glyph (spaces have no outline)
    expect(glyphs.match(/<use /g)).toHaveLength(17)
  })
})
