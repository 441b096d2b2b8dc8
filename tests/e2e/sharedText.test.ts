import { describe, expect, it } from 'vitest'
import { browserSuite } from '../helpers/suite.ts'
import { createBoard, exportJson } from '../helpers/server.ts'

const suite = browserSuite()

type Export = { canvases: { problems: { nodes: { label: string }[] } } }
const labels = async (url: string, id: string, key: string) =>
  ((await exportJson(url, id, key)) as Export).canvases.problems.nodes.map((n) => n.label)

/** Anna made a card; she and Bruno (participants) both have its editor open. */
async function annaAndBrunoWriteIn(title: string, label: string) {
  const board = await createBoard(suite.server.url, title)
  const anna = await suite.open(board.links.participant, 'Anna')
  const bruno = await suite.open(board.links.participant, 'Bruno')
  await anna.addCardAt(500, 300, label)
  await bruno.card(label).waitFor()
  const editors = [anna, bruno].map((p) => p.page.locator('textarea.card-editor'))
  for (const [i, p] of [anna, bruno].entries()) {
    await p.card(label).dblclick()
    await expect.poll(() => editors[i]!.evaluate((el) => el === document.activeElement)).toBe(true)
  }
  return { board, anna, bruno, editors }
}

/** A new board, open as its facilitator, connected and saved. */
async function newBoardAsFacilitator() {
  const board = await createBoard(suite.server.url)
  const f = await suite.open(board.links.facilitator, 'Fabio')
  await f.waitSaved()
  return { board, f }
}

describe('editing text together', () => {
  it('two participants type into the same card at the same time and everyone sees both texts live', async () => {
    const board = await createBoard(suite.server.url, 'Testo condiviso')
    const anna = await suite.open(board.links.participant, 'Anna')
    const bruno = await suite.open(board.links.participant, 'Bruno')
    const projector = await suite.open(board.links.viewer, 'Proiettore')
    await anna.addCardAt(500, 300, 'disoccupazione')
    await bruno.card('disoccupazione').waitFor()

    await anna.card('disoccupazione').dblclick()
    await bruno.card('disoccupazione').dblclick()
    const annaEditor = anna.page.locator('textarea.card-editor')
    const brunoEditor = bruno.page.locator('textarea.card-editor')
    await expect.poll(() => annaEditor.evaluate((el) => el === document.activeElement)).toBe(true)
    await expect.poll(() => brunoEditor.evaluate((el) => el === document.activeElement)).toBe(true)
    // Anna writes before the word, Bruno after it, at the same time, key by key.
    await anna.page.keyboard.press('Home')
    await Promise.all([
      anna.page.keyboard.type('Alta ', { delay: 40 }),
      bruno.page.keyboard.type(' giovanile', { delay: 40 }),
    ])
    const merged = 'Alta disoccupazione giovanile'
    // Nobody has pressed Enter: the editors and the projector already show the merged text.
    await expect.poll(() => annaEditor.inputValue()).toBe(merged)
    await expect.poll(() => brunoEditor.inputValue()).toBe(merged)
    await projector.card(merged).waitFor()
    // the projector says who is writing above the card, clear of its kind («CAUSA»)
    const mark = projector.card(merged).locator('.card-writer')
    await mark.waitFor()
    // naming both of them, not the first only
    await expect
      .poll(() => mark.textContent())
      .toMatch(/^(Anna e Bruno|Bruno e Anna) stanno scrivendo$/)
    const overlaps = await projector.card(merged).evaluate((card) => {
      const a = card.querySelector('.card-writer')!.getBoundingClientRect()
      const b = card.querySelector('.card-role')!.getBoundingClientRect()
      return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
    })
    expect(overlaps).toBe(false)
    // Anna's caret stayed in her part of the text while Bruno's letters arrived.
    expect(await annaEditor.evaluate((el) => (el as HTMLTextAreaElement).selectionStart)).toBe(5)

    await anna.page.keyboard.press('Enter')
    await bruno.page.keyboard.press('Enter')
    await expect.poll(() => labels(suite.server.url, board.id, board.keys.viewer)).toEqual([merged])
  })

  it('two participants typing at the same spot, a letter each in turn: each one’s words stay whole', async () => {
    const { anna, bruno, editors } = await annaAndBrunoWriteIn('Stesso punto', 'Disoccupazione')
    for (const p of [anna, bruno]) await p.page.keyboard.press('Control+End')
    // both at the end; each letter is seen by the other before the next one is typed
    const words = [' e femminile', ' e maschile']
    let length = 'Disoccupazione'.length
    for (let k = 0; k < Math.max(...words.map((w) => w.length)); k++)
      for (const [i, p] of [anna, bruno].entries()) {
        const letter = words[i]![k]
        if (!letter) continue
        await p.page.keyboard.type(letter)
        length++
        for (const editor of editors)
          await expect.poll(async () => (await editor.inputValue()).length).toBe(length)
      }
    const text = await editors[0]!.inputValue()
    expect(await editors[1]!.inputValue()).toBe(text)
    expect([
      'Disoccupazione e femminile e maschile',
      'Disoccupazione e maschile e femminile',
    ]).toContain(text)
  })

  it('Ctrl+Z in a card being written by two takes back the whole of one’s own edit, none of the other’s', async () => {
    const { board, anna, bruno, editors } = await annaAndBrunoWriteIn(
      'Annulla nel campo',
      'Disoccupazione',
    )
    // with nothing typed in the field yet, Ctrl+Z there does not undo Anna's card
    await anna.page.keyboard.press('Control+z')
    await anna.page.keyboard.press('Control+Shift+Z')
    await expect
      .poll(() => labels(suite.server.url, board.id, board.keys.viewer))
      .toEqual(['Disoccupazione'])
    for (const editor of editors) expect(await editor.inputValue()).toBe('Disoccupazione')
    // Anna writes at the end while Bruno writes at the start, letters interleaved
    await anna.page.keyboard.press('Control+End')
    await bruno.page.keyboard.press('Control+Home')
    await Promise.all([
      anna.page.keyboard.type(' giovanile', { delay: 40 }),
      bruno.page.keyboard.type('Alta ', { delay: 40 }),
    ])
    const both = 'Alta Disoccupazione giovanile'
    for (const editor of editors) await expect.poll(() => editor.inputValue()).toBe(both)
    await anna.page.keyboard.press('Control+z')
    for (const editor of editors)
      await expect.poll(() => editor.inputValue()).toBe('Alta Disoccupazione')
    // and Ctrl+Shift+Z brings it back
    await anna.page.keyboard.press('Control+Shift+Z')
    for (const editor of editors) await expect.poll(() => editor.inputValue()).toBe(both)
    await anna.page.keyboard.press('Enter')
    await bruno.page.keyboard.press('Enter')
    await expect.poll(() => labels(suite.server.url, board.id, board.keys.viewer)).toEqual([both])
  })

  it('someone leaving a card while its writer is between two words takes none of the writer’s spaces; the writer’s own last space goes when they leave', async () => {
    const { board, anna, bruno, editors } = await annaAndBrunoWriteIn('Tra due parole', 'Idea')
    await anna.page.keyboard.press('Control+End')
    // Anna stops after a space (thinking of the next word, or her page stalled)…
    await anna.page.keyboard.type(' di ')
    await expect.poll(() => editors[1]!.inputValue()).toBe('Idea di ')
    // …while Bruno, who only looked, leaves the card
    await bruno.page.keyboard.press('Enter')
    await bruno.card('Idea di').waitFor()
    await anna.page.keyboard.type('Dario ')
    await anna.page.keyboard.press('Enter')
    await expect
      .poll(() => labels(suite.server.url, board.id, board.keys.viewer))
      .toEqual(['Idea di Dario'])
  })

  it('every key typed right after "new card" lands in the card', async () => {
    const { board, f } = await newBoardAsFacilitator()
    // No wait for the editor: the keys follow N at once, as a fast typist's would.
    await f.page.keyboard.press('n')
    await f.page.keyboard.type('nuovi lavori')
    await f.page.keyboard.press('Enter')
    await f.card('nuovi lavori').waitFor()
    expect(await f.cards().count()).toBe(1)
    await expect
      .poll(() => labels(suite.server.url, board.id, board.keys.viewer))
      .toEqual(['nuovi lavori'])
  })

  it('text that comes without a key press (an accent, an input method) right after "new card" lands in the card too', async () => {
    const { board, f } = await newBoardAsFacilitator()
    // «à» typed with a dead key or an input method, or pasted by a dictation tool, reaches the
    // page as text to insert, with no keydown to hold: it must not be lost while the new card's
    // editor is still opening.
    await f.page.keyboard.press('n')
    await f.page.keyboard.insertText('Città')
    await f.page.keyboard.type(' e paesi')
    await f.page.keyboard.insertText(' più soli')
    await f.page.keyboard.press('Enter')
    await f.card('Città e paesi più soli').waitFor()
    // the field that held the text is out of the page once the editor took it
    expect(await f.page.locator('[data-type-ahead]').count()).toBe(0)
    // An input method: the text is composed, then committed, still without a key of its own.
    const cdp = await f.page.context().newCDPSession(f.page)
    await f.page.keyboard.press('n')
    await cdp.send('Input.imeSetComposition', { text: 'e', selectionStart: 1, selectionEnd: 1 })
    await cdp.send('Input.imeSetComposition', { text: 'è', selectionStart: 1, selectionEnd: 1 })
    await cdp.send('Input.insertText', { text: 'è' })
    await f.page.keyboard.type(' tardi')
    await f.page.keyboard.press('Enter')
    await f.card('è tardi').waitFor()
    expect(await f.cards().count()).toBe(2)
    await expect
      .poll(async () => (await labels(suite.server.url, board.id, board.keys.viewer)).sort())
      .toEqual(['Città e paesi più soli', 'è tardi'])
  })

  it('a letter still being composed when the new card opens ends first and lands once', async () => {
    const { board, f } = await newBoardAsFacilitator()
    // N, and a composition starting in the same task: before the card's editor can exist
    const started = await f.page.evaluate(() => {
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', bubbles: true }))
      const field = document.activeElement as HTMLTextAreaElement
      field.dispatchEvent(new CompositionEvent('compositionstart', { data: '' }))
      field.value = 'e'
      return field.hasAttribute('data-type-ahead')
    })
    expect(started).toBe(true)
    // the editor is there and measured, and a few frames later still waits: taking the focus
    // now would cut «è» to «e»
    const editor = f.page.locator('textarea.card-editor')
    await editor.waitFor()
    const stillComposing = await f.page.evaluate(async () => {
      for (let i = 0; i < 5; i++) await new Promise((r) => requestAnimationFrame(r))
      const field = document.querySelector<HTMLTextAreaElement>('[data-type-ahead]')
      if (!field || document.activeElement !== field) return false
      field.value = 'è'
      field.dispatchEvent(new CompositionEvent('compositionend', { data: 'è' }))
      return true
    })
    expect(stillComposing).toBe(true)
    await expect
      .poll(() => f.page.evaluate(() => document.activeElement?.className ?? ''))
      .toContain('card-editor')
    expect(await editor.inputValue()).toBe('è')
    await f.page.keyboard.type(' tardi')
    await f.page.keyboard.press('Enter')
    await f.card('è tardi').waitFor()
    await expect
      .poll(() => labels(suite.server.url, board.id, board.keys.viewer))
      .toEqual(['è tardi'])
  })

  it('after ten cards typed without a pause, each Ctrl+Z removes exactly one card', async () => {
    const board = await createBoard(suite.server.url)
    const f = await suite.open(board.links.facilitator, 'Franca')
    const p = await suite.open(board.links.participant, 'Piero')
    await f.waitSaved()
    for (let i = 1; i <= 10; i++) {
      await f.page.keyboard.press('n')
      await f.page.keyboard.type(`Problema ${i}`)
      await f.page.keyboard.press('Enter')
    }
    await expect.poll(() => p.cards().count()).toBe(10)
    for (let left = 9; left >= 0; left--) {
      await f.page.keyboard.press('Control+z')
      await expect.poll(() => f.cards().count()).toBe(left)
      await expect.poll(() => p.cards().count()).toBe(left)
      // the card that went is the last one written
      expect(await f.card(`Problema ${left + 1}`).count()).toBe(0)
    }
  })

  it('undo right after writing a card removes the card, text and all, for everyone', async () => {
    const board = await createBoard(suite.server.url)
    const f = await suite.open(board.links.facilitator, 'Gino')
    const p = await suite.open(board.links.participant, 'Lia')
    await f.waitSaved()
    await f.page.keyboard.press('n')
    await f.page.keyboard.type('Pochi servizi per l’impiego')
    await f.page.keyboard.press('Enter')
    await p.card('Pochi servizi per l’impiego').waitFor()
    await f.page.keyboard.press('Control+z')
    await expect.poll(() => p.cards().count()).toBe(0)
    await expect.poll(() => f.cards().count()).toBe(0)
    await expect.poll(() => labels(suite.server.url, board.id, board.keys.viewer)).toEqual([])
  })

  it('correcting a typo right after writing a card keeps the card', async () => {
    const board = await createBoard(suite.server.url)
    const f = await suite.open(board.links.facilitator, 'Ivo')
    const p = await suite.open(board.links.participant, 'Ada')
    await f.waitSaved()
    await f.page.keyboard.press('n')
    await f.page.keyboard.type('Trasporti scarsii')
    await f.page.keyboard.press('Enter')
    await p.card('Trasporti scarsii').waitFor()
    // the key a person presses at once to fix the last letter
    await f.page.keyboard.press('Backspace')
    await f.page.keyboard.press('Enter')
    await p.card('Trasporti scarsi').waitFor()
    await expect.poll(() => p.cards().count()).toBe(1)
    expect(await f.cards().count()).toBe(1)
    await expect
      .poll(() => labels(suite.server.url, board.id, board.keys.viewer))
      .toEqual(['Trasporti scarsi'])
  })
})
