import {
  IMAGE_CANVASES,
  IMAGE_LABELS,
  imageFileName,
  longDate,
  type ImageCanvas,
  type ImageLang,
} from './labels.ts'
import type { RenderSource } from './model.ts'
import { composePage } from './frame.ts'
import { drawObjectives, drawProblems, type DrawnCanvas } from './trees.ts'
import { drawGrid, drawMap } from './stakeholders.ts'
import { RELATION_LOOK } from '../stakeholders/look.ts'
import { RELATION_KINDS } from '../schema/vocabulary.ts'

export { IMAGE_CANVASES, imageFileName, type ImageCanvas, type ImageLang, type RenderSource }
export { FONT_FAMILY } from './fontMetrics.ts'

export interface RenderOptions {
  lang?: ImageLang
  /** The day shown in the title block, `YYYY-MM-DD`; default: the day of `exportedAt`. */
  day?: string
  /**
   * Words added to some tree cards' role line, by card id: the pact document marks the core
   * problem it repeats on each piece of a tree cut between pages («segue da p. 4»).
   */
  marks?: ReadonlyMap<string, string>
  /** Without the title block (board title, canvas, date): a piece under the document's caption. */
  untitled?: boolean
}

export interface RenderedImage {
  svg: string
  /** Size in CSS pixels (1×); a PNG at scale s is s times as large. */
  width: number
  height: number
}

const DRAW: Record<ImageCanvas, typeof drawProblems> = {
  problems: drawProblems,
  objectives: drawObjectives,
  grid: drawGrid,
  map: drawMap,
}

/** The arrowheads each canvas's links use, by marker id. */
function markerColors(canvas: ImageCanvas): Map<string, string> {
  if (canvas === 'problems' || canvas === 'objectives')
    return new Map([
      ['arrow', '#6b7079'],
      ['arrow-checked', '#2e8b57'],
    ])
  if (canvas === 'map')
    return new Map(RELATION_KINDS.map((k) => [`rel-${k}`, RELATION_LOOK[k].color]))
  return new Map()
}

/**
 * A whole canvas of a board as a standalone SVG document: pure (no DOM, no Node), the same
 * input gives the same bytes, so the page's download and the server's image are one picture.
 */
export function renderCanvas(
  board: RenderSource,
  canvas: ImageCanvas,
  options: RenderOptions = {},
): RenderedImage {
  const labels = IMAGE_LABELS[options.lang ?? 'it']
  const drawn: DrawnCanvas = DRAW[canvas](board, labels, options.marks)
  return composePage({
    title: board.title,
    canvasName: labels.canvases[canvas],
    date: longDate(options.day ?? board.exportedAt.slice(0, 10), labels),
    labels,
    ...drawn,
    markerColors: markerColors(canvas),
    ...(options.untitled ? { untitled: true } : {}),
  })
}
