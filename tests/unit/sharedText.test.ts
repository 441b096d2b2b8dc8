import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { moveThroughDelta, replaceText, textDiff, trimOwnBlanks } from '../../shared/schema/text.ts'

describe('textDiff', () => {
  it('without a caret, puts an edit as far right as the text allows', () => {
    expect(textDiff('nele', 'nelle')).toEqual({ index: 3, remove: 0, insert: 'l' })
    expect(textDiff('a  b', 'a b')).toEqual({ index: 2, remove: 1, insert: '' })
    expect(textDiff('abc', 'aXc')).toEqual({ index: 1, remove: 1, insert: 'X' })
  })

  it('with the caret, a letter typed next to the same letter is the one before the caret', () => {
    // «nelle»: the second l typed after the first (caret at 3)
    expect(textDiff('nele', 'nelle', 3)).toEqual({ index: 2, remove: 0, insert: 'l' })
    // a space typed after a space, at the caret
    expect(textDiff('a b', 'a  b', 2)).toEqual({ index: 1, remove: 0, insert: ' ' })
    // a word pasted after the same word
    expect(textDiff('la la', 'la la la', 3)).toEqual({ index: 0, remove: 0, insert: 'la ' })
    // a letter deleted from a run, where the caret is now
    expect(textDiff('nelle', 'nele', 2)).toEqual({ index: 2, remove: 1, insert: '' })
  })

  it('keeps to what the text allows whatever the caret says', () => {
    // the caret cannot move the letter to where it would change the text
    expect(textDiff('abc', 'abXc', 1)).toEqual({ index: 2, remove: 0, insert: 'X' })
    // a replacement is not moved
    expect(textDiff('aaa', 'aba', 0)).toEqual({ index: 1, remove: 1, insert: 'b' })
    // an emoji after the same emoji never splits a pair
    expect(textDiff('😀', '😀😀', 2)).toEqual({ index: 0, remove: 0, insert: '😀' })
    expect(textDiff('😀', '😀😀', 3)).toEqual({ index: 2, remove: 0, insert: '😀' })
  })
})

/**
 * Two people at one field, as useSharedText binds it: each has the field's value and caret;
 * another's edit moves the caret (moveThroughDelta); each keystroke is written with the caret
 * (replaceText) and both documents are synced after it.
 */
function twoTypists(initial: string, caret: number) {
  const docs = [new Y.Doc(), new Y.Doc()]
  docs[0]!.getText('t').insert(0, initial)
  Y.applyUpdate(docs[1]!, Y.encodeStateAsUpdate(docs[0]!))
  const fields = docs.map(() => ({ value: initial, caret }))
  docs.forEach((doc, i) =>
    doc.getText('t').observe((e) => {
      if (e.transaction.local) return
      fields[i]!.caret = moveThroughDelta(fields[i]!.caret, e.delta)
      fields[i]!.value = doc.getText('t').toString()
    }),
  )
  const sync = () => {
    Y.applyUpdate(docs[1]!, Y.encodeStateAsUpdate(docs[0]!))
    Y.applyUpdate(docs[0]!, Y.encodeStateAsUpdate(docs[1]!))
  }
  const type = (who: number, char: string) => {
    const f = fields[who]!
    f.value = f.value.slice(0, f.caret) + char + f.value.slice(f.caret)
    f.caret++
    docs[who]!.transact(() => replaceText(docs[who]!.getText('t'), f.value, Infinity, f.caret))
    sync()
  }
  return {
    typeTogether(a: string, b: string) {
      for (let k = 0; k < Math.max(a.length, b.length); k++) {
        if (a[k]) type(0, a[k]!)
        if (b[k]) type(1, b[k]!)
      }
    },
    texts: () => docs.map((d) => d.getText('t').toString()),
  }
}

describe('two people typing at the same spot of a shared text', () => {
  const cases: [string, number, string, string][] = [
    ['Disoccupazione', 14, ' e femminile', ' e maschile'],
    ['Servizi', 7, ' nelle valli', ' nelle città'],
    ['Scuole', 6, ' alta', ' altissima'],
    ['Orientamento al lavoro, uno sportello', 23, ' alfa', ' beta'],
    ['', 0, 'Ponte sul fiume', 'Ponte nuovo'],
  ]
  for (const [initial, caret, a, b] of cases)
    it(`keeps «${a.trim()}» and «${b.trim()}» whole, typed letter by letter in turns`, () => {
      const typists = twoTypists(initial, caret)
      typists.typeTogether(a, b)
      const [first, second] = typists.texts()
      expect(first).toBe(second)
      // each person's words read as they typed them, one after the other
      const ok = [a + b, b + a].map(
        (typed) => initial.slice(0, caret) + typed + initial.slice(caret),
      )
      expect(ok).toContain(first)
    })
})

describe('trimOwnBlanks', () => {
  /** Anna's and Bruno's documents of one text, Anna's words then Bruno's, synced. */
  const written = (anna: string, bruno: string) => {
    const [a, b] = [new Y.Doc(), new Y.Doc()]
    a.getText('t').insert(0, anna)
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    b.getText('t').insert(anna.length, bruno)
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    const trim = (doc: Y.Doc) => {
      doc.transact(() => trimOwnBlanks(doc.getText('t'), doc.clientID))
      Y.applyUpdate(doc === a ? b : a, Y.encodeStateAsUpdate(doc))
      return a.getText('t').toString()
    }
    return { a, b, trim }
  }

  it('takes the blanks the person typed at either end', () => {
    const { a, trim } = written('  Idea di Dario \n', '')
    expect(trim(a)).toBe('Idea di Dario')
  })

  it('leaves the space someone else typed last, where their next word goes', () => {
    const { b, trim } = written('Idea di ', '')
    expect(trim(b)).toBe('Idea di ')
  })

  it('stops at another person’s blank, and keeps blanks inside the text', () => {
    const { a, b, trim } = written('Idea  di', ' ')
    expect(trim(a)).toBe('Idea  di ')
    expect(trim(b)).toBe('Idea  di')
  })
})
