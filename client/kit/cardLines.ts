/**
 * Whether a card's text may take more than `lines` lines, counting at most `perLine` characters
 * to a line (fewer than fit, since capitals and long words fit fewer): a paragraph takes a line
 * at least. The canvases cut such texts after `lines` lines (canvas.css; `--lines`, 5 unless set) and mark
 * only the texts this answers true for: the cut's styles cost the layout of every card they are
 * on (a 2,000-card board was laid out some 50 ms later with them on every card).
 */
export function mayPassLines(text: string, lines: number, perLine: number): boolean {
  let count = 0
  for (const paragraph of text.split('\n'))
    count += Math.max(1, Math.ceil(paragraph.length / perLine))
  return count > lines
}

/**
 * Whether a card's own text (a problem's, an objective's: 14 px on a 200-px card, about 25
 * characters a line) may pass the five lines canvas.css shows of it.
 */
export const mayPassCardLines = (label: string): boolean => mayPassLines(label, 5, 16)
