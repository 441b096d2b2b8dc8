import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  initBoard,
  patchRecord,
  putCard,
  putRecord,
  PACT_INFO_ID,
} from '../../shared/schema/index.ts'
import { compareWithVersion } from '../../server/history/compare.ts'
import { describeRemoved, differingExcerpts, labelInDoc } from '../../server/history/labels.ts'

const VISION =
  'Entro il 2030 la Val Seriana è un territorio dove ogni persona in condizione di fragilità trova un percorso di lavoro accompagnato, costruito insieme da servizi pubblici, terzo settore e imprese, con una rete stabile di tutor e tirocini per le persone più vulnerabili.'

describe('what changed since a version: a long text reworded', () => {
  it('shows where a long vision changed, not the same first words twice', () => {
    const version = new Y.Doc()
    initBoard(version, 'Patto', '2026-01-01T00:00:00.000Z')
    version.transact(() => patchRecord(version, 'pact.info', PACT_INFO_ID, { vision: VISION }))
    const now = new Y.Doc()
    Y.applyUpdate(now, Y.encodeStateAsUpdate(version))
    const changed = VISION.replace('più vulnerabili.', 'più vulnerabili e le loro famiglie.')
    now.transact(() => patchRecord(now, 'pact.info', PACT_INFO_ID, { vision: changed }))
    const [reworded] = compareWithVersion(version, now)['pact.info']!.reworded
    expect(reworded!.before).not.toBe(reworded!.label)
    expect(reworded!.before).toMatch(/^….*più vulnerabili\.$/)
    expect(reworded!.label).toMatch(/^….*più vulnerabili e le loro famiglie\.$/)
    expect(reworded!.label.length).toBeLessThanOrEqual(81)
  })

  it('keeps short texts whole, and cuts long ones around the first difference', () => {
    expect(differingExcerpts('Pochi tirocini', 'Pochi tirocini di qualità', 80)).toEqual([
      'Pochi tirocini',
      'Pochi tirocini di qualità',
    ])
    const a = 'x'.repeat(100) + 'AAA' + 'y'.repeat(100)
    const b = 'x'.repeat(100) + 'BBB' + 'y'.repeat(100)
    const [ea, eb] = differingExcerpts(a, b, 40)
    expect(ea).toBe(`…${'x'.repeat(10)}AAA${'y'.repeat(27)}…`)
    expect(eb).toBe(`…${'x'.repeat(10)}BBB${'y'.repeat(27)}…`)
  })

  it('cuts between words when one is near, and never inside an emoji', () => {
    const words = Array.from({ length: 40 }, (_, i) => `parola${i}`).join(' ')
    const [before, after] = differingExcerpts(words, words.replace('parola30', 'PAROLA30'), 60)
    for (const excerpt of [before, after]) {
      const inner = excerpt.replace(/^…|…$/g, '')
      expect(inner.startsWith('parola'), excerpt).toBe(true)
      expect(/parola\d+$|PAROLA\d+$/.test(inner), excerpt).toBe(true)
    }
    const emoji = '😀'.repeat(60)
    const [e1] = differingExcerpts(emoji + 'a', emoji + 'b', 41)
    expect(e1.replace(/…/g, '')).toMatch(/^(😀)*a?$/u)
  })
})

describe('how the history names a record', () => {
  it('a long text is cut between words, with an ellipsis', () => {
    const doc = new Y.Doc()
    initBoard(doc, 'Patto', '2026-12-01T10:00:00.000Z')
    const vision =
      'Entro il 2030 nessuna persona fragile della valle resta senza un percorso di lavoro, ' +
      'e nessuno resta indietro. Le istituzioni lavorano insieme.'
    patchRecord(doc, 'pact.info', PACT_INFO_ID, { vision })
    const label = labelInDoc(doc, 'pact.info', PACT_INFO_ID)
    expect(label.endsWith('…')).toBe(true)
    expect(label.length).toBeLessThanOrEqual(81)
    // the last word before the ellipsis is whole
    const words = label.slice(0, -1).split(' ')
    expect(vision.split(' ')).toContain(words[words.length - 1])
  })

  it('a measurement, which has no words of its own, by its indicator and value', () => {
    const doc = new Y.Doc()
    initBoard(doc, 'Patto', '2026-12-01T10:00:00.000Z')
    putRecord(doc, 'pact.indicators', 'i1', { label: 'Giovani presi in carico', unit: 'persone' })
    putRecord(doc, 'pact.rounds', 'r1', { date: '2027-06-01' })
    putRecord(doc, 'pact.measurements', 'r1|i1', { round: 'r1', indicator: 'i1', value: 120 })
    expect(labelInDoc(doc, 'pact.measurements', 'r1|i1')).toBe('Giovani presi in carico: 120')
    // a decimal as the page writes it (the history said «44.5»)
    putRecord(doc, 'pact.measurements', 'r1|i1', { round: 'r1', indicator: 'i1', value: 44.5 })
    expect(labelInDoc(doc, 'pact.measurements', 'r1|i1')).toBe('Giovani presi in carico: 44,5')
  })

  it('an adhesion, which has no words of its own, by its actor; a commitment with no «Che cosa» too', () => {
    const doc = new Y.Doc()
    initBoard(doc, 'Patto', '2026-12-01T10:00:00.000Z')
    putCard(doc, 'stakeholders', 'a1', { kind: 'actor', label: 'Comune di Lecco', x: 0, y: 0 })
    putRecord(doc, 'pact.adhesions', 'a1', { actor: 'a1', adheres: true, signedBy: '' })
    putRecord(doc, 'pact.commitments', 'c1', { actor: 'a1', type: 'money', amount: 500 })
    putRecord(doc, 'pact.commitments', 'c2', { actor: 'a1', what: 'Uno sportello' })
    expect(labelInDoc(doc, 'pact.adhesions', 'a1')).toBe('Comune di Lecco')
    expect(labelInDoc(doc, 'pact.commitments', 'c1')).toBe('Comune di Lecco')
    expect(labelInDoc(doc, 'pact.commitments', 'c2')).toBe('Uno sportello')
    // removed, named from its fields and the live actor
    const fields = { actor: 'a1', adheres: false, signedBy: '' }
    expect(describeRemoved(doc, 'pact.adhesions', fields, new Map())).toBe('Comune di Lecco')
  })
})
