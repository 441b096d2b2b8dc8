import { describe, expect, it } from 'vitest'
import { browserSuite } from '../helpers/suite.ts'
import { createBoard, exportJson } from '../helpers/server.ts'
import { api } from '../helpers/history.ts'
import { newParticipant } from '../helpers/browser.ts'
import { boardPage } from '../helpers/boardPage.ts'

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

type Writers = Awaited<ReturnType<typeof marcoWritesInFabiosCard>>

/**
 * Fabio saves a version of the board, Marco types `typed` at the end of the card (Fabio sees it),
 * then Fabio restores the version: the card reads as it did, under Marco's caret.
 */
async function restoredWhileMarcoTypes(
  board: Writers['board'],
  fabio: Writers['fabio'],
  marco: Writers['marco'],
  typed: string,
) {
  const before = await marco.page.locator('textarea.card-editor').inputValue()
  const saved = await api(
    suite.server.url,
    'POST',
    `/api/boards/${board.id}/versions`,
    board.keys.facilitator,
    { name: 'Prima', author: 'Fabio' },
  )
  expect(saved.status).toBe(201)
  await marco.page.keyboard.type(typed)
  await fabio.card(before + typed).waitFor()
  const restored = await api(
    suite.server.url,
    'POST',
    `/api/boards/${board.id}/versions/${saved.body.id}/restore`,
    board.keys.facilitator,
    { author: 'Fabio' },
  )
  expect(restored.status).toBe(200)
}

describe('words taken from under their writer', () => {
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

  it('words written offline into a card the facilitator deleted meanwhile are offered back on reconnection, not lost unseen', async () => {
    const board = await createBoard(suite.server.url, 'Scritto offline')
    const fabio = await suite.open(board.links.facilitator, 'Fabio')
    const { context, page } = await newParticipant(suite.browser, 'Marco')
    const marco = boardPage(page)
    await marco.open(board.links.participant)
    await fabio.addCardAt(500, 300, 'Trasporti')
    await marco.card('Trasporti').waitFor()
    await marco.waitSaved()
    // Marco's Wi-Fi drops (the browser says so); he finishes the card and closes its editor
    await context.setOffline(true)
    await page.evaluate(() => window.dispatchEvent(new Event('offline')))
    await marco.editCard('Trasporti', 'Trasporti scarsi nelle frazioni')
    // meanwhile Fabio, who never saw those words, deletes the card
    await fabio.card('Trasporti').click()
    await fabio.page.keyboard.press('Delete')
    await expect.poll(() => fabio.cards().count()).toBe(0)
    await context.setOffline(false)
    await page.evaluate(() => window.dispatchEvent(new Event('online')))

    const notice = page.getByRole('alertdialog')
    await notice.waitFor({ timeout: 15_000 })
    expect(await notice.textContent()).toContain('mentre eri senza connessione')
    expect(await notice.getByRole('textbox').inputValue()).toBe('Trasporti scarsi nelle frazioni')
    await notice.getByRole('button', { name: 'Ripristina con il mio testo' }).click()
    await notice.waitFor({ state: 'detached' })
    await fabio.card('Trasporti scarsi nelle frazioni').waitFor()
    await expect
      .poll(() => labels(suite.server.url, board.id, board.keys.viewer))
      .toEqual(['Trasporti scarsi nelle frazioni'])
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
    await restoredWhileMarcoTypes(board, fabio, marco, ' scarsi nelle frazioni')
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
    await restoredWhileMarcoTypes(board, fabio, marco, ' scarsi')
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

  it('a restore undone by another gives the words back: the notice says so and offers nothing to put back', async () => {
    const { board, fabio, marco } = await marcoWritesInFabiosCard('Ripristino annullato', 'Orari')
    await restoredWhileMarcoTypes(board, fabio, marco, ' rigidi')
    const notice = marco.page.getByRole('alertdialog')
    await notice.waitFor()
    // Fabio takes the restore back: the version saved before it holds Marco's words
    type Listed = { id: number; reason: string }
    const listed = await api(
      suite.server.url,
      'GET',
      `/api/boards/${board.id}/versions`,
      board.keys.viewer,
    )
    const before = (listed.body.versions as Listed[]).find((v) => v.reason === 'before-restore')!
    const undone = await api(
      suite.server.url,
      'POST',
      `/api/boards/${board.id}/versions/${before.id}/restore`,
      board.keys.facilitator,
      { author: 'Fabio' },
    )
    expect(undone.status).toBe(200)
    await marco.card('Orari rigidi').waitFor()
    // it still said his text had been replaced, and offered to put it back
    await expect
      .poll(() => notice.getByRole('heading').textContent())
      .toBe('Il tuo testo è di nuovo sulla lavagna')
    expect(await notice.getByRole('button', { name: 'Rimetti il mio testo' }).count()).toBe(0)
    await notice.getByRole('button', { name: 'Chiudi' }).click()
    await notice.waitFor({ state: 'detached' })
    expect(await labels(suite.server.url, board.id, board.keys.viewer)).toEqual(['Orari rigidi'])
  })
})
