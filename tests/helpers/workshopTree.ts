import type * as Y from 'yjs'
import { putCard, putLink } from '../../shared/schema/index.ts'

/**
 * The problem tree of a real workshop: 25 cards in five layers (two far effects, four effects,
 * the core problem, six causes, twelve root causes), with texts of the length people write.
 */
const EFFECTS_FAR = [
  ['e5', 'Spopolamento e invecchiamento dei comuni dell’alta valle', 'e2'],
  ['e6', 'Perdita di fiducia dei giovani nelle istituzioni locali', 'e3'],
] as const
const EFFECTS = [
  ['e1', 'Aumento della povertà nelle famiglie con figli giovani'],
  ['e2', 'Giovani che lasciano la valle per cercare lavoro altrove'],
  ['e3', 'Disagio psicologico e isolamento sociale tra i NEET'],
  ['e4', 'Più spesa dei servizi sociali per i sostegni al reddito'],
] as const
const CORE = 'Alta disoccupazione e inattività dei giovani 18–29 anni in Val Seriana'
const CAUSES = [
  ['c1', 'Orientamento scolastico e professionale scarso e tardivo'],
  ['c2', 'Servizi per il lavoro frammentati tra enti che non si parlano'],
  ['c3', 'Poche imprese locali disposte ad assumere giovani senza esperienza'],
  ['c4', 'Competenze dei giovani lontane da quelle richieste dalle imprese'],
  ['c5', 'Trasporti pubblici insufficienti verso le zone industriali'],
  ['c6', 'Scarsa conoscenza delle opportunità e dei servizi esistenti'],
] as const
const ROOTS = [
  ['r1', 'Insegnanti senza tempo né formazione per l’orientamento', 'c1'],
  ['r2', 'Famiglie poco informate sui percorsi tecnici e professionali', 'c1'],
  ['r3', 'Nessuna banca dati condivisa tra Centro per l’impiego e Comuni', 'c2'],
  ['r4', 'Progetti finanziati a bando che finiscono dopo un anno', 'c2'],
  ['r5', 'Imprese piccole senza ufficio del personale né tutor', 'c3'],
  ['r6', 'Incentivi all’assunzione poco noti e complicati da usare', 'c3'],
  ['r7', 'Pochi tirocini di qualità durante gli studi', 'c4'],
  ['r8', 'Corsi di formazione professionale non aggiornati da anni', 'c4'],
  ['r9', 'Corse serali e festive soppresse sulle linee di valle', 'c5'],
  ['r10', 'Pochi giovani con patente e auto propria', 'c5'],
  ['r11', 'Comunicazione dei servizi su canali che i giovani non usano', 'c6'],
  ['r12', 'Sportelli aperti solo in orari d’ufficio', 'c6'],
] as const

export const WORKSHOP_CORE = CORE
export const WORKSHOP_LABELS: Record<string, string> = Object.fromEntries([
  ...EFFECTS_FAR.map(([id, label]) => [id, label]),
  ...EFFECTS,
  ['core', CORE],
  ...CAUSES,
  ...ROOTS.map(([id, label]) => [id, label]),
])

/**
 * Writes the tree as the group left it after "Disponi" in the editor (layers of 200-px cards,
 * 240 px apart): the widest layer, twelve cards, is what a screen fitted to the width shows.
 */
export function buildWorkshopTree(doc: Y.Doc): void {
  doc.transact(() => {
    const row = (ids: readonly string[], y: number, role: string) =>
      ids.forEach((id, i) =>
        putCard(doc, 'problems', id, {
          kind: 'problem',
          label: WORKSHOP_LABELS[id]!,
          role,
          x: Math.round((i - (ids.length - 1) / 2) * 240),
          y,
        }),
      )
    row(
      EFFECTS_FAR.map(([id]) => id),
      -460,
      'effect',
    )
    row(
      EFFECTS.map(([id]) => id),
      -230,
      'effect',
    )
    row(['core'], 0, 'core')
    row(
      CAUSES.map(([id]) => id),
      230,
      'cause',
    )
    row(
      ROOTS.map(([id]) => id),
      460,
      'cause',
    )
    let n = 0
    const link = (source: string, target: string) =>
      putLink(doc, 'problems', `l${++n}`, { kind: 'cause-effect', source, target })
    for (const [id, , effect] of EFFECTS_FAR) link(effect, id)
    for (const [id] of EFFECTS) link('core', id)
    for (const [id] of CAUSES) link(id, 'core')
    for (const [id, , cause] of ROOTS) link(id, cause)
  })
}

/** A problem card to write: id, text, role, and its place. */
export type ProblemCardSeed = [id: string, label: string, role: string, x: number, y: number]

/** Writes problem cards and their links (each a cause's id, then the id of what it causes). */
export function writeProblemTree(
  doc: Y.Doc,
  cards: ProblemCardSeed[],
  links: [source: string, target: string][],
): void {
  doc.transact(() => {
    for (const [id, label, role, x, y] of cards)
      putCard(doc, 'problems', id, { kind: 'problem', label, role, x, y })
    links.forEach(([source, target], i) =>
      putLink(doc, 'problems', `l${i + 1}`, { kind: 'cause-effect', source, target }),
    )
  })
}
