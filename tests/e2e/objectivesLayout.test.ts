import { browserSuite } from '../helpers/suite.ts'
import { afterAll, describe, expect, it } from 'vitest'
import { canvasRoots, patchRecord, putCard, putLink } from '../../shared/schema/index.ts'
import { OBJECTIVE_ROW_SPREAD } from '../../shared/method/objectivePlacement.ts'
import { WORKSHOP_LABELS, buildWorkshopTree, writeProblemTree } from '../helpers/workshopTree.ts'
import { newParticipant, screenshot } from '../helpers/browser.ts'
import { boardPage } from '../helpers/boardPage.ts'
import {
  allInView,
  buildCrowdedTree,
  cardBoxes,
  docPositions,
  meansBelowEnds,
  objectivesPage,
  overlapping,
} from '../helpers/objectivesPage.ts'
import { connectSynced, type Client } from '../helpers/clients.ts'
import { createBoard } from '../helpers/server.ts'

const suite = browserSuite()

const clients: Client[] = []

afterAll(async () => {
  for (const c of clients) c.destroy()
})

describe('the objective tree in view: framed, laid out, kept apart', () => {
  it('a generated tree is framed whole on every screen: below the report for who generated it, as it arrives for the others', async () => {
    const board = await createBoard(suite.server.url, 'Patto Val Trebbia')
    const stock = await connectSynced(suite.server.url, board.id, board.keys.participant)
    clients.push(stock)
    // five layers, as a workshop's tree often is: an effect, the core, a cause two deep
    writeProblemTree(
      stock.doc,
      [
        ['eff', 'Spopolamento dei paesi di montagna', 'effect', 300, 100],
        ['core', 'Alta disoccupazione delle persone fragili', 'core', 300, 280],
        ['c1', 'Trasporti pubblici scarsi', 'cause', 120, 460],
        ['c2', 'Poca formazione professionale accessibile', 'cause', 480, 460],
        ['c1a', 'Datori di lavoro poco informati', 'cause', 120, 640],
        ['c1b', 'Servizi per l’impiego lontani', 'cause', 120, 820],
      ],
      [
        ['core', 'eff'],
        ['c1', 'core'],
        ['c2', 'core'],
        ['c1a', 'c1'],
        ['c1b', 'c1a'],
      ],
    )
    const facilitatorPage = (await newParticipant(suite.browser, 'Fede')).page
    const annaPage = (await newParticipant(suite.browser, 'Anna')).page
    await facilitatorPage.setViewportSize({ width: 1440, height: 900 })
    await annaPage.setViewportSize({ width: 1366, height: 768 })
    const fede = objectivesPage(facilitatorPage)
    const anna = objectivesPage(annaPage)
    await boardPage(fede.page).open(board.links.facilitator)
    await boardPage(anna.page).open(board.links.participant)
    await boardPage(fede.page).card('Trasporti pubblici scarsi').waitFor()
    await fede.openPhase()
    await anna.openPhase()
    await fede.generate()
    await expect.poll(() => anna.cards().count()).toBe(6)
    await expect.poll(() => allInView(anna.page)).toBe(true)
    await expect.poll(() => allInView(fede.page)).toBe(true)
    await screenshot(fede.page, 'objectives-generated-facilitator')
    await screenshot(anna.page, 'objectives-generated-participant')
  })

  it('the facilitator lays the tree out in layers for everyone; the projector keeps it in view', async () => {
    const board = await createBoard(suite.server.url)
    const stock = await connectSynced(suite.server.url, board.id, board.keys.participant)
    clients.push(stock)
    buildCrowdedTree(stock.doc)
    const alice = objectivesPage((await newParticipant(suite.browser, 'Alice')).page)
    const bruno = objectivesPage((await newParticipant(suite.browser, 'Bruno')).page)
    const projector = objectivesPage((await newParticipant(suite.browser, 'Proiettore')).page)
    await boardPage(alice.page).open(board.links.facilitator)
    await boardPage(bruno.page).open(board.links.participant)
    await boardPage(projector.page).open(board.links.viewer)
    for (const p of [alice, bruno, projector]) {
      await p.openPhase()
      await expect.poll(() => p.cards().count()).toBe(6)
    }
    const layoutButton = (p: typeof alice) => p.page.getByRole('button', { name: 'Disponi albero' })
    // the layout is the facilitator's move
    expect(await layoutButton(bruno).count()).toBe(0)
    expect(await layoutButton(projector).count()).toBe(0)

    // the reworded cards show their problem and grow: the crammed tree overlaps
    await alice.card('Più giovani trovano un lavoro stabile').locator('.objective-origin').waitFor()
    expect(overlapping(await cardBoxes(alice.page)).length).toBeGreaterThan(0)
    await screenshot(alice.page, 'objectives-layout-before')
    const before = docPositions(stock.doc)

    await layoutButton(alice).click()
    // in layers, without overlaps, means below their ends, for Alice and for Bruno
    for (const p of [alice, bruno]) {
      await expect.poll(async () => overlapping(await cardBoxes(p.page))).toEqual([])
      await expect.poll(async () => meansBelowEnds(await cardBoxes(p.page))).toBe(true)
    }
    // Alice, who laid it out, sees all of it once the cards are in their places
    await expect.poll(() => allInView(alice.page)).toBe(true)
    await screenshot(alice.page, 'objectives-layout-after')
    // the projector follows and keeps the whole tree in view
    await expect.poll(async () => meansBelowEnds(await cardBoxes(projector.page))).toBe(true)
    await expect.poll(() => allInView(projector.page)).toBe(true)
    await screenshot(projector.page, 'objectives-layout-projector')

    // a card dragged far away by someone: the projector refits to keep it in view
    const pov = canvasRoots(stock.doc, 'objectives').nodes.get('obj:pov')!
    const povX = pov.get('x') as number
    stock.doc.transact(() => pov.set('x', 4000))
    await expect.poll(() => allInView(projector.page), { timeout: 5000 }).toBe(true)
    const far = await projector.card('Povertà delle famiglie').boundingBox()
    expect(far).not.toBeNull()

    // one undoable step: Ctrl+Z puts every card back (the stock client's move is not Alice's)
    // and back where the layout put it
    stock.doc.transact(() => pov.set('x', povX))
    const laidOut = docPositions(stock.doc)
    await alice.page.getByRole('button', { name: 'Annulla' }).click()
    await expect
      .poll(() => {
        const now = docPositions(stock.doc)
        return Object.keys(before).filter((id) => id !== 'obj:pov' && now[id] === before[id])
      })
      .toHaveLength(5)
    await alice.page.getByRole('button', { name: 'Ripeti' }).click()
    await expect.poll(() => docPositions(stock.doc)['obj:core']).toBe(laidOut!['obj:core'])

    // a problem added where its objective would land on one that now sits there: it lands in
    // a free spot
    const core = canvasRoots(stock.doc, 'objectives').nodes.get('obj:core')!
    stock.doc.transact(() => {
      putCard(stock.doc, 'problems', 'tutor', {
        kind: 'problem',
        label: 'Mancano tutor per i giovani',
        role: 'cause',
        x: core.get('x') as number,
        y: (core.get('y') as number) / OBJECTIVE_ROW_SPREAD,
      })
      putLink(stock.doc, 'problems', 'lt', {
        kind: 'cause-effect',
        source: 'tutor',
        target: 'core',
      })
    })
    await alice.generate()
    await alice.card('Mancano tutor per i giovani').waitFor()
    await expect.poll(async () => overlapping(await cardBoxes(alice.page))).toEqual([])
    await screenshot(alice.page, 'objectives-regenerated')
  })

  it('a generated tree keeps its rows apart once every objective is reworded', async () => {
    const board = await createBoard(suite.server.url, 'Patto Val Seriana')
    const stock = await connectSynced(suite.server.url, board.id, board.keys.participant)
    clients.push(stock)
    // the workshop's 25 cards, laid out by the facilitator with «Disponi albero»: rows as far
    // apart as problem cards need
    buildWorkshopTree(stock.doc)
    const { page } = await newParticipant(suite.browser, 'Fabio')
    await page.setViewportSize({ width: 1440, height: 900 })
    const fabio = objectivesPage(page)
    await boardPage(page).open(board.links.facilitator)
    await expect.poll(() => page.locator('.react-flow__node-problem').count()).toBe(25)
    const farEffect = () => canvasRoots(stock.doc, 'problems').nodes.get('e5')!.get('y')
    const before = farEffect()
    await page.getByRole('button', { name: 'Disponi albero' }).click()
    await expect.poll(farEffect).not.toBe(before)
    await fabio.openPhase()
    await fabio.generate()
    await expect.poll(() => fabio.cards().count()).toBe(25)
    // the group rewords every objective: each card shows its problem underneath and grows
    stock.doc.transact(() => {
      for (const [id, card] of canvasRoots(stock.doc, 'objectives').nodes) {
        const problem = WORKSHOP_LABELS[String(card.get('derivedFrom'))]!
        patchRecord(stock.doc, 'objectives.nodes', id, {
          status: 'reworded',
          label: `Obiettivo raggiunto: ${problem.toLowerCase()} superato`,
        })
      }
    })
    await expect.poll(() => page.locator('.objective-origin').count()).toBe(25)
    // no card covers another, nor the links and their «Verificato» boxes between the rows
    expect(overlapping(await cardBoxes(page))).toEqual([])
    await screenshot(page, 'objectives-reworded-rows')
  })
})
