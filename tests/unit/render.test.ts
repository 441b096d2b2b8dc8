import { describe, expect, it } from 'vitest'
import { Resvg } from '@resvg/resvg-js'
import { IMAGE_CANVASES, imageFileName, renderCanvas } from '../../shared/render/index.ts'
import type { RenderSource } from '../../shared/render/model.ts'
import { cutAtWord } from '../../shared/render/labels.ts'
import { wrap, wrapAtMost, xml } from '../../shared/render/svg.ts'
import { textWidth } from '../../shared/render/fontMetrics.ts'
import { MAX_PNG_PIXELS, encodePng, pngZoom } from '../../server/http/images.ts'
import { PNG } from 'pngjs'

const MARKUP = '<img src=x onerror=alert(1)> & ]]><script>alert("x")</script>'
const LONG =
  'Mancanza di coordinamento tra i centri per l’impiego, le scuole superiori della valle e le cooperative sociali che seguono i giovani più fragili'

/** A small board like the export gives it: every canvas, accents, markup and a long label. */
function board(): RenderSource {
  return {
    title: 'Patto Val Seriana 2027 — «città» & più',
    exportedAt: '2026-12-02T09:30:00.000Z',
    canvases: {
      problems: {
        nodes: [
          {
            id: 'core',
            kind: 'problem',
            role: 'core',
            label: 'Troppi NEET in età 18–29',
            x: 300,
            y: 250,
          },
          { id: 'c1', kind: 'problem', role: 'cause', label: LONG, x: -120, y: 520 },
          { id: 'c2', kind: 'problem', role: 'cause', label: MARKUP, x: 420, y: 540 },
          {
            id: 'e1',
            kind: 'problem',
            role: 'effect',
            label: 'Povertà ed esclusione',
            x: 310,
            y: -40,
          },
        ],
        edges: [
          { id: 'l1', kind: 'cause-effect', source: 'c1', target: 'core' },
          { id: 'l2', kind: 'cause-effect', source: 'c2', target: 'core' },
          { id: 'l3', kind: 'cause-effect', source: 'core', target: 'e1' },
        ],
      },
      objectives: {
        nodes: [
          {
            id: 'obj:core',
            kind: 'objective',
            derivedFrom: 'core',
            status: 'reworded',
            label: 'Meno NEET, più opportunità',
            x: 300,
            y: 250,
          },
          {
            id: 'obj:c1',
            kind: 'objective',
            derivedFrom: 'c1',
            status: 'to-reword',
            label: LONG,
            x: -120,
            y: 520,
          },
          {
            id: 'o3',
            kind: 'objective',
            derivedFrom: null,
            status: 'added',
            label: 'Sportello unico in comunità',
            x: 700,
            y: 900,
          },
          {
            id: 'o4',
            kind: 'objective',
            derivedFrom: null,
            status: 'discarded',
            label: 'Già coperto',
            x: 1000,
            y: 60,
          },
        ],
        edges: [
          { id: 'me:l1', kind: 'means-end', source: 'obj:c1', target: 'obj:core', checked: true },
        ],
      },
      stakeholders: {
        nodes: [
          {
            id: 'a1',
            kind: 'actor',
            category: 'public',
            label: 'Comune di Albino',
            power: 0.9,
            interest: 0.8,
            x: 0,
            y: 0,
          },
          {
            id: 'a2',
            kind: 'actor',
            category: 'third-sector',
            label: 'Cooperativa «Il Sentiero»',
            power: 0.2,
            interest: 0.9,
            x: 500,
            y: 80,
          },
          {
            id: 'a3',
            kind: 'actor',
            category: 'economic',
            label: MARKUP,
            power: 0.6,
            interest: 0.1,
            x: -300,
            y: 700,
          },
          {
            id: 'a4',
            kind: 'actor',
            category: 'community',
            label: 'Attività più è ù',
            power: 0.1,
            interest: 0.2,
            x: 900,
            y: 900,
          },
        ],
        edges: [
          { id: 'r1', kind: 'funding', source: 'a1', target: 'a2' },
          { id: 'r2', kind: 'conflict', source: 'a3', target: 'a4' },
        ],
      },
    },
  }
}

/** The text of every line, as a reader of the SVG gets it (entities decoded). */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) =>
    m[1]!
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  )
}

/** The lines of the card with this id (its <g data-card>). */
function cardLines(svg: string, id: string): string[] {
  const start = svg.indexOf(`<g data-card="${id}">`)
  expect(start).toBeGreaterThan(-1)
  return texts(svg.slice(start, svg.indexOf('</g>', start)))
}

const viewBox = (svg: string) =>
  svg
    .match(/viewBox="([\d.-]+) ([\d.-]+) ([\d.-]+) ([\d.-]+)"/)!
    .slice(1)
    .map(Number)

const labelsOf = (canvas: (typeof IMAGE_CANVASES)[number]) => {
  const b = board()
  const nodes =
    canvas === 'problems'
      ? b.canvases.problems.nodes
      : canvas === 'objectives'
        ? b.canvases.objectives.nodes
        : b.canvases.stakeholders.nodes
  return nodes.map((n) => ({ id: n.id as string, label: n.label as string }))
}

describe('shared renderer', () => {
  for (const canvas of IMAGE_CANVASES) {
    describe(canvas, () => {
      const { svg, width, height } = renderCanvas(board(), canvas)

      it('is well-formed SVG that resvg reads', () => {
        expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
        expect(() => new Resvg(svg)).not.toThrow()
        expect(viewBox(svg)).toEqual([0, 0, width, height])
      })

      it('holds every card label as text, accents kept, wrapped words in order', () => {
        for (const { id, label } of labelsOf(canvas)) {
          const lines = cardLines(svg, id)
          const words = lines.join(' ').replace(/\s+/g, ' ')
          // wrapping may split an over-long word; joined back, the label's words all appear
          for (const word of label.split(/\s+/))
            expect(words.replace(/ /g, '')).toContain(word.replace(/ /g, ''))
        }
        expect(texts(svg).join('\n')).toMatch(/più/)
      })

      it('escapes markup: no element or attribute comes from a label', () => {
        const tags = [...svg.matchAll(/<\/?([a-zA-Z]+)([^>]*)>/g)]
        const allowed = [
          'svg',
          'rect',
          'text',
          'tspan',
          'g',
          'path',
          'line',
          'circle',
          'defs',
          'marker',
        ]
        for (const [, name, attrs] of tags) {
          expect(allowed).toContain(name)
          expect(attrs).not.toMatch(/\son\w+\s*=/i)
        }
        expect(svg).not.toContain(']]>')
        const markupCard = { problems: 'c2', objectives: null, grid: 'a3', map: 'a3' }[canvas]
        if (markupCard)
          expect(cardLines(svg, markupCard).join(' ')).toContain('<img src=x onerror=alert(1)>')
      })

      it('covers every card inside the picture, under a title block and above the legend', () => {
        const cards = [
          ...svg.matchAll(
            /<g data-card="[^"]+"><rect x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)" height="([\d.]+)"/g,
          ),
        ]
        const shift = svg.match(/<g transform="translate\(([\d.-]+) ([\d.-]+)\)">/)!
        const [dx, dy] = [Number(shift[1]), Number(shift[2])]
        expect(cards.length).toBe(labelsOf(canvas).length)
        for (const [, x, y, w, h] of cards) {
          expect(Number(x) + dx).toBeGreaterThanOrEqual(0)
          expect(Number(y) + dy).toBeGreaterThan(60) // below the title block
          expect(Number(x) + Number(w) + dx).toBeLessThanOrEqual(width)
          expect(Number(y) + Number(h) + dy).toBeLessThan(height - 40) // above the legend
        }
      })

      it('has a title block and a legend', () => {
        const all = texts(svg)
        expect(all).toContain('Patto Val Seriana 2027 — «città» & più')
        expect(all.some((t) => t.endsWith('2 dicembre 2026'))).toBe(true)
        expect(all).toContain('Legenda')
        const legend = {
          problems: ['Problema centrale', 'Causa', 'Effetto'],
          objectives: ['Da riformulare', 'Riformulato', 'Aggiunto', 'Scartato'],
          grid: [
            'Sistema Pubblico',
            'Terzo Settore',
            'Attori della comunità',
            'Gestire da vicino',
            'Monitorare',
          ],
          map: ['Cooperazione', 'Conflitto', 'Scambio di informazioni', 'Finanziamento'],
        }[canvas]
        for (const word of legend) expect(all).toContain(word)
      })

      it('gives the same bytes for the same board', () => {
        expect(renderCanvas(board(), canvas).svg).toBe(svg)
      })
    })
  }

  it('wraps a long label into several lines no wider than the card', () => {
    const { svg } = renderCanvas(board(), 'problems')
    const lines = cardLines(svg, 'c1').slice(1) // after the role line
    expect(lines.length).toBeGreaterThanOrEqual(5)
    for (const line of lines) expect(textWidth(line, 14)).toBeLessThanOrEqual(178)
    expect(lines.join(' ')).toBe(LONG)
  })

  it('keeps line breaks and splits words longer than a line', () => {
    expect(wrap('uno\ndue', 200, 14)).toEqual(['uno', 'due'])
    const long = 'x'.repeat(80)
    const parts = wrap(long, 100, 14)
    expect(parts.length).toBeGreaterThan(1)
    expect(parts.join('')).toBe(long)
  })

  it('wraps a name into at most so many lines, the last ending with «…» when it goes on', () => {
    const name =
      "Cabina di regia territoriale per l'inclusione socio-lavorativa dell'Ambito Distrettuale di Lecco"
    const whole = wrapAtMost(name, 220, 13, 6)
    expect(whole.join(' ')).toBe(name)
    for (const line of whole) expect(textWidth(line, 13, 'bold')).toBeLessThanOrEqual(220)
    const cut = wrapAtMost(name, 220, 13, 2)
    expect(cut).toHaveLength(2)
    expect(cut[0]).toBe(whole[0])
    expect(cut[1]!.endsWith('…')).toBe(true)
    expect(textWidth(cut[1]!, 13, 'bold')).toBeLessThanOrEqual(220)
    expect(wrapAtMost('  Comune\n di   Lecco ', 220, 13, 4)).toEqual(['Comune di Lecco'])
  })

  it('escapes XML and drops characters XML forbids', () => {
    expect(xml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;',
    )
    expect(xml('a\u0000b\u001fc\ud800d')).toBe('abcd')
    expect(xml('città è più')).toBe('città è più')
  })

  it('puts a drawing narrower than the page in its middle, not against the left margin', () => {
    const narrow = {
      ...board(),
      canvases: {
        ...board().canvases,
        problems: {
          nodes: [
            { id: 'only', kind: 'problem', role: 'core', label: 'Pochi tirocini', x: 0, y: 0 },
          ],
          edges: [],
        },
      },
    }
    const { svg, width } = renderCanvas(narrow as RenderSource, 'problems')
    const [, x, , w] = svg
      .match(/<g data-card="only"><rect x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)"/)!
      .map(Number)
    const dx = Number(svg.match(/<g transform="translate\(([\d.-]+) /)![1])
    const left = x! + dx
    const right = width - (x! + w! + dx)
    expect(Math.abs(left - right)).toBeLessThan(1)
  })

  it('draws an empty canvas with its title and a note', () => {
    const empty = {
      ...board(),
      canvases: {
        problems: { nodes: [], edges: [] },
        objectives: { nodes: [], edges: [] },
        stakeholders: { nodes: [], edges: [] },
      },
    }
    const { svg } = renderCanvas(empty, 'map')
    expect(texts(svg)).toContain('Nessuna carta su questa tela.')
    expect(() => new Resvg(svg)).not.toThrow()
  })

  it('speaks English on request', () => {
    const { svg } = renderCanvas(board(), 'problems', { lang: 'en' })
    expect(texts(svg)).toContain('Legend')
    expect(texts(svg).some((t) => t.endsWith('December 2, 2026'))).toBe(true)
  })

  it('shortens a text to the whole words that fit, saying so with «…»', () => {
    expect(cutAtWord('Poche imprese nelle zone montane', 30)).toBe('Poche imprese nelle zone…')
    expect(cutAtWord('Corto', 30)).toBe('Corto')
    expect(cutAtWord('  a capo\n e   spazi  ', 30)).toBe('a capo e spazi')
    expect(cutAtWord('Sovraindebitamento', 10)).toBe('Sovraindeb…')
    expect(cutAtWord('Trasporti, orari, servizi', 18)).toBe('Trasporti, orari…')
  })

  it('names files from title, canvas and date', () => {
    expect(imageFileName('Patto Val Seriana 2027', 'problems', '2026-12-02', 'png')).toBe(
      'patto-val-seriana-2027-albero-problemi-2026-12-02.png',
    )
    expect(imageFileName('Città più «bella»', 'map', '2026-12-02', 'svg')).toBe(
      'citta-piu-bella-mappa-stakeholder-2026-12-02.svg',
    )
    expect(imageFileName('***', 'grid', '2026-12-02', 'svg')).toBe(
      'trama-griglia-stakeholder-2026-12-02.svg',
    )
    // a long title keeps the words that fit, none cut in the middle
    expect(
      imageFileName(
        'Patto territoriale per l’inclusione lavorativa Valle Seriana e Val di Scalve',
        'problems',
        '2026-12-02',
        'png',
      ),
    ).toBe(
      'patto-territoriale-per-l-inclusione-lavorativa-valle-seriana-albero-problemi-2026-12-02.png',
    )
  })

  it('encodes PNG that a decoder reads back pixel for pixel', async () => {
    const rgba = Buffer.alloc(3 * 2 * 4, 255)
    rgba.writeUInt32BE(0x2f5fa8ff, 4 * 4) // one blue pixel, row 1 column 1
    const png = PNG.sync.read(await encodePng(3, 2, rgba))
    expect([png.width, png.height]).toEqual([3, 2])
    expect(png.data.equals(rgba)).toBe(true)
  })

  it('keeps a huge canvas within the pixel budget, a normal one at the scale asked', () => {
    expect(pngZoom(1200, 900, 3)).toBe(3)
    const zoom = pngZoom(9000, 6000, 3)
    expect(zoom).toBeLessThan(3)
    expect(9000 * 6000 * zoom * zoom).toBeLessThanOrEqual(MAX_PNG_PIXELS * 1.0001)
  })
})
