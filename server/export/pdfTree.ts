/**
 * The problem tree and the objective tree in the pact document. A tree that reads on one page
 * (its cards' text at 7 pt or more) is drawn whole, as the board has it. A larger one — a
 * workshop's 25-card tree came out as six sideways tiles, its core problem cut between two —
 * is cut between its branches (treePieces.ts): each piece on a page of its own, upright or
 * sideways, every card whole at 7 pt or more, the core repeated on each piece and marked
 * («segue», «continua»), a line above each saying which part it is and where the tree goes on,
 * and a guide before the first saying which branches are on which page.
 */
import { renderCanvas, type RenderedImage } from '../../shared/render/index.ts'
import type { RenderSection } from '../../shared/render/model.ts'
import { paragraph } from './pdfLayout.ts'
import { PIECE_CAPTION, READABLE_SCALE, pageFit, picturePages, vectorImage } from './pdfPicture.ts'
import { splitTree, type TreePiece } from './treePieces.ts'
import type { SectionContext } from './section.ts'

type TreeCanvas = 'problems' | 'objectives'

/**
 * More pieces than this and the tree is drawn whole on one page (its text smaller than 7 pt):
 * a board of hundreds of cards is not a workshop's tree, and a document of sixty pages of it
 * helps nobody. A workshop’s 120-card tree takes 15.
 */
export const MAX_TREE_PIECES = 24

/** The trunk: the core problem(s), or the objectives made from them. */
function trunkOf(ctx: SectionContext, canvas: TreeCanvas): string[] {
  const problems = ctx.board.canvases.problems.nodes
  const cores = new Set(problems.filter((n) => n.role === 'core').map((n) => String(n.id)))
  if (canvas === 'problems') return [...cores]
  return ctx.board.canvases.objectives.nodes
    .filter((n) => typeof n.derivedFrom === 'string' && cores.has(n.derivedFrom))
    .map((n) => String(n.id))
}

const one = (text: unknown) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()

export function treePicture(ctx: SectionContext, canvas: TreeCanvas): void {
  const { doc, labels } = ctx
  // a piece under its caption, without the picture's own title block
  const render = (section: RenderSection, marks?: ReadonlyMap<string, string>): RenderedImage =>
    renderCanvas({ ...ctx.board, canvases: { ...ctx.board.canvases, [canvas]: section } }, canvas, {
      lang: ctx.lang,
      day: ctx.day,
      ...(marks ? { marks, untitled: true } : {}),
    })
  const whole = render(ctx.board.canvases[canvas])
  const draw = (image: RenderedImage) => vectorImage(doc, image, { tiles: false })
  if (pageFit(whole).scale >= READABLE_SCALE) return draw(whole)

  const fits = (section: RenderSection) =>
    pageFit(render(section, new Map()), PIECE_CAPTION).scale >= READABLE_SCALE
  const pieces = splitTree(ctx.board.canvases[canvas], trunkOf(ctx, canvas), fits, MAX_TREE_PIECES)
  if (!pieces) return draw(whole)
  // one piece: the branches side by side read on one page, where the board's places did not
  if (pieces.length <= 1) return draw(pieces.length ? render(pieces[0]!.section) : whole)

  // the guide, then one page per piece, the first after the guide's last
  const t = labels.tree
  const names = new Map(ctx.board.canvases[canvas].nodes.map((n) => [String(n.id), one(n.label)]))
  const trunk = trunkOf(ctx, canvas).length
  // a piece of cards that reach no trunk card (left aside, or a branch never linked) does not
  // repeat it: the guide and its caption say so (the intro promised it on every piece)
  const unlinked = (p: TreePiece) => trunk > 0 && p.trunk.length === 0
  const branches = (p: TreePiece) =>
    [
      ...p.trunk.slice(trunk).map((id) => `${names.get(id)} →`),
      p.roots.map((id) => `«${names.get(id)}»`).join(', '),
    ].join(' ')
  paragraph(doc, t.intro(pieces.length, trunk ? t.trunk[canvas] : null, pieces.some(unlinked)))
  pieces.forEach((p, i) =>
    paragraph(doc, t.part(i + 1, branches(p), unlinked(p) ? t.unlinked[canvas] : undefined), {
      size: 9.5,
    }),
  )
  const first = doc.bufferedPageRange().count + 1

  // where each repeated card is first drawn, and last
  const firstOn = new Map<string, number>()
  const lastOn = new Map<string, number>()
  pieces.forEach((p, i) =>
    p.trunk.forEach((id) => {
      if (!firstOn.has(id)) firstOn.set(id, i)
      lastOn.set(id, i)
    }),
  )
  const pictures = pieces.map((p, i) => {
    const marks = new Map<string, string>()
    for (const id of p.trunk)
      if (firstOn.get(id)! < i) marks.set(id, t.repeated)
      else if (lastOn.get(id)! > i) marks.set(id, t.continued)
    const svg = render(p.section, marks)
    const where = [
      unlinked(p) ? t.unlinked[canvas] : '',
      i > 0 ? t.follows(first + i - 1) : '',
      i < pieces.length - 1 ? t.continues(first + i + 1) : '',
    ].filter(Boolean)
    const title = labels.sections[canvas]
    return {
      svg,
      caption: [t.caption(title, i + 1, pieces.length), ...where].join(' · '),
      ...pageFit(svg, PIECE_CAPTION),
      oversize: p.oversize,
    }
  })
  // the pieces at one scale, the largest every one of them takes (a branch too large even
  // alone is drawn as large as its page allows, and does not make the others smaller)
  const common = Math.min(...pictures.filter((p) => !p.oversize).map((p) => p.scale))
  picturePages(
    doc,
    pictures.map((p) => ({ ...p, scale: p.oversize ? p.scale : common })),
  )
}
