import { describe, expect, it } from 'vitest'
import { browserSuite } from '../helpers/suite.ts'
import { createBoard, exportJson } from '../helpers/server.ts'
import { api } from '../helpers/history.ts'

const suite = browserSuite()

type Export = { canvases: { problems: { nodes: { label: string }[] } } }
const labels = async (url: string, id: string, key: string) =>
  ((await exportJson(url, id, key)) as Export).canvases.problems.nodes.map((n) => n.label)

/**
 * A board where Fabio (facilitator) made a card and Marco (participant) has its editor open,
 * caret at the end of its text.
 */
async function marcoWritesInFabiosCard(title: string, label: string) {
  const board = await createBoard(suite.server.url, title)
  const fabio = await suite.open(board.links.facilitator, 'Fabio')
  const marco = await suite.open(board.links.participant, 'Marco')
  await fabio.addCardAt(500, 300, label)
  await marco.card(label).waitFor()
  await marco.card(label).dblclick()
  const editor = marco.page.locator('textarea.card-editor')
  await expect.poll(() => editor.evaluate((el) => el === document.activeElement)).toBe(true)
  await marco.page.keyboard.press('End')
  return { board, fabio, marco }
}

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

  it('a card deleted by the facilitator while a participant writes in it: the words are kept, the next keys make no card, «Ripristina» brings it back with them', async () => {
    const { board, fabio, marco } = await marcoWritesInFabiosCard(
      'Carta eliminata',
      'Crisi demografica',
    )
    await marco.page.keyboard.type(' nei paesi')
    await fabio.card('Crisi demografica nei paesi').waitFor()

    // the facilitator deletes the card Marco is writing in
    await fabio.card('Crisi demografica nei paesi').click()
    await fabio.page.keyboard.press('Delete')
    const notice = marco.page.getByRole('alertdialog')
    await notice.waitFor()
    const kept = notice.getByRole('textbox')
    await expect.poll(() => kept.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await kept.inputValue()).toBe('Crisi demografica nei paesi')
    // what Marco types next goes on in his text: "n" makes no card
    await marco.page.keyboard.type(' ancora')
    expect(await kept.inputValue()).toBe('Crisi demografica nei paesi ancora')
    expect(await marco.cards().count()).toBe(0)

    await notice.getByRole('button', { name: 'Ripristina con il mio testo' }).click()
    await notice.waitFor({ state: 'detached' })
    await fabio.card('Crisi demografica nei paesi ancora').waitFor()
    await marco.waitSaved()
    await expect
      .poll(() => labels(suite.server.url, board.id, board.keys.viewer))
      .toEqual(['Crisi demografica nei paesi ancora'])
  })

  it('a version restored while a participant writes in a card: their words are kept aside, said why and by whom, and put back on request', async () => {
    const { board, fabio, marco } = await marcoWritesInFabiosCard(
      'Versione ripristinata',
      'Trasporti',
    )
    // Pia has her caret in the card too, and types nothing
    const pia = await suite.open(board.links.participant, 'Pia')
    await pia.card('Trasporti').dblclick()
    const piaEditor = pia.page.locator('textarea.card-editor')
    await expect.poll(() => piaEditor.evaluate((el) => el === document.activeElement)).toBe(true)
    const saved = await api(
      suite.server.url,
      'POST',
      `/api/boards/${board.id}/versions`,
      board.keys.facilitator,
      { name: 'Prima', author: 'Fabio' },
    )
    expect(saved.status).toBe(201)
    await marco.page.keyboard.type(' scarsi nelle frazioni')
    await fabio.card('Trasporti scarsi nelle frazioni').waitFor()

    const restored = await api(
      suite.server.url,
      'POST',
      `/api/boards/${board.id}/versions/${saved.body.id}/restore`,
      board.keys.facilitator,
      { author: 'Fabio' },
    )
    expect(restored.status).toBe(200)
    // the card reads as the version had it; Marco's words are in the notice, which has the keys
    await marco.card('Trasporti').waitFor()
    const notice = marco.page.getByRole('alertdialog')
    await notice.waitFor()
    expect(await notice.getByRole('heading').textContent()).toBe(
      'Il testo che stavi scrivendo è stato sostituito',
    )
    expect(await notice.textContent()).toContain(
      'Fabio ha ripristinato una versione precedente della lavagna mentre scrivevi',
    )
    const kept = notice.getByRole('textbox')
    await expect.poll(() => kept.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await kept.inputValue()).toBe('Trasporti scarsi nelle frazioni')
    await marco.page.keyboard.type(' di montagna')
    expect(await marco.cards().count()).toBe(1)
    // Pia wrote nothing: she has no words to put back, and no notice
    await expect.poll(() => piaEditor.inputValue()).toBe('Trasporti')
    expect(await pia.page.getByRole('alertdialog').count()).toBe(0)

    await notice.getByRole('button', { name: 'Rimetti il mio testo' }).click()
    await notice.waitFor({ state: 'detached' })
    await fabio.card('Trasporti scarsi nelle frazioni di montagna').waitFor()
    await expect
      .poll(() => labels(suite.server.url, board.id, board.keys.viewer))
      .toEqual(['Trasporti scarsi nelle frazioni di montagna'])
  })

  it('words written after a restore are shown before «Rimetti il mio testo» replaces them, and go only on a second press', async () => {
    const { board, fabio, marco } = await marcoWritesInFabiosCard('Scritto dopo', 'Trasporti')
    const saved = await api(
      suite.server.url,
      'POST',
      `/api/boards/${board.id}/versions`,
      board.keys.facilitator,
      { name: 'Prima', author: 'Fabio' },
    )
    expect(saved.status).toBe(201)
    await marco.page.keyboard.type(' scarsi')
    await fabio.card('Trasporti scarsi').waitFor()
    const restored = await api(
      suite.server.url,
      'POST',
      `/api/boards/${board.id}/versions/${saved.body.id}/restore`,
      board.keys.facilitator,
      { author: 'Fabio' },
    )
    expect(restored.status).toBe(200)
    const notice = marco.page.getByRole('alertdialog')
    await notice.waitFor()

    // Fabio writes on in the restored card before Marco puts his words back
    await fabio.card('Trasporti').dblclick()
    const fabioEditor = fabio.page.locator('textarea.card-editor')
    await expect.poll(() => fabioEditor.evaluate((el) => el === document.activeElement)).toBe(true)
    await fabio.page.keyboard.press('End')
    await fabio.page.keyboard.type(' pubblici')
    await fabio.page.keyboard.press('Enter')
    await marco.card('Trasporti pubblici').waitFor()

    await notice.getByRole('button', { name: 'Rimetti il mio testo' }).click()
    const since = notice.getByRole('alert')
    await since.waitFor()
    expect(await since.locator('blockquote').textContent()).toBe('Trasporti pubblici')
    // nothing was written: Fabio's words are still the card's
    expect(await labels(suite.server.url, board.id, board.keys.viewer)).toEqual([
      'Trasporti pubblici',
    ])
    await notice.getByRole('button', { name: 'Rimetti comunque il mio testo' }).click()
    await notice.waitFor({ state: 'detached' })
    await expect
      .poll(() => labels(suite.server.url, board.id, board.keys.viewer))
      .toEqual(['Trasporti scarsi'])
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
