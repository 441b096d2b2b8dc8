import { describe, expect, it } from 'vitest'
import { canvasRoots, putCard, readFields } from '../../shared/schema/index.ts'
import { readActors } from '../../shared/stakeholders/doc.ts'
import { newActorFields } from '../../shared/stakeholders/actors.ts'
import { screenshot } from '../helpers/browser.ts'
import {
  actorByName,
  countWrites,
  disjoint,
  FOUR_ACTORS,
  putRelation,
  seedLongObjectives,
  seedObjectives,
  stakeholdersWorkshop,
} from '../helpers/stakeholdersPage.ts'
import { waitFor } from '../helpers/wait.ts'

const workshop = stakeholdersWorkshop()
const { stock, stockWithActors, twoParticipants } = workshop

describe('the Stakeholder phase in the browser', () => {
  it('two participants add actors of each category and see a drag across quadrants live', async () => {
    const { board, alice, bruno } = await twoParticipants('Patto Bergamo Est')
    const observer = await stock(board)

    await alice.addActor('public', 'Comune di Bergamo')
    await alice.addActor('third-sector', 'Cooperativa Il Ponte')
    await bruno.addActor('economic', 'Confindustria Bergamo')
    await bruno.addActor('community', 'Associazione genitori')
    for (const p of [alice, bruno]) {
      await expect.poll(() => p.page.locator('.actor-card').count()).toBe(4)
      for (const [name, category] of FOUR_ACTORS) {
        await expect.poll(() => p.card(name).getAttribute('data-category')).toBe(category)
        // colour and icon: the badge carries the category's icon
        await expect.poll(() => p.card(name).locator('.category-badge svg path').count()).toBe(1)
      }
    }
    await waitFor(() => readActors(observer.doc).length === 4, 'stock client sees 4 actors')
    const comune = actorByName(observer.doc, 'Comune di Bergamo')!
    expect(comune).toMatchObject({ category: 'public', stance: 'neutral' })
    // new actors wait in the tray beside the grid, none hiding another, in no quadrant: nothing
    // is assumed about their power and interest until the room places them
    for (const a of readActors(observer.doc)) expect(a.placed).toBe(false)
    await bruno.page.getByTestId('grid-tray').getByText('Da collocare (4)').waitFor()
    await screenshot(bruno.page, 'stakeholders-grid-new-actors')
    const boxes = await bruno.cardBoxes()
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) expect(disjoint(a, b)).toBe(true)
    expect(await bruno.quadrant('Comune di Bergamo')).toBeNull()

    const powerWrites = countWrites(observer.doc, comune.id, 'power')

    // Alice drags the Comune into "monitor" (low power, low interest): Bruno sees it move live
    await alice.dragIntoQuadrant('Comune di Bergamo', 'monitor')
    await expect.poll(() => bruno.quadrant('Comune di Bergamo')).toBe('monitor')
    await bruno.card('Comune di Bergamo').getByText('Alice').waitFor()
    // nothing is written while dragging: power and interest change once, on drop
    expect(actorByName(observer.doc, 'Comune di Bergamo')!.power).toBe(comune.power)
    await alice.page.mouse.up()
    await waitFor(
      () => actorByName(observer.doc, 'Comune di Bergamo')!.power < 0.5,
      'power written on drop',
    )
    expect(actorByName(observer.doc, 'Comune di Bergamo')!.placed).toBe(true)
    await bruno.page.getByTestId('grid-tray').getByText('Da collocare (3)').waitFor()
    // a drag moves the card; it does not open it (the editor still shows the last new actor)
    await expect.poll(() => alice.editorLabels()).toEqual(['Cooperativa Il Ponte'])
    const dropped = actorByName(observer.doc, 'Comune di Bergamo')!
    expect(dropped.interest).toBeLessThan(0.5)
    expect(powerWrites()).toBe(1)
    await expect.poll(() => bruno.quadrant('Comune di Bergamo')).toBe('monitor')
    await expect.poll(() => alice.quadrant('Comune di Bergamo')).toBe('monitor')
    await expect.poll(() => bruno.page.getByText('Alice lo sta spostando').count()).toBe(0)

    // the editor panel edits the other fields; the grid shows where the pact needs the actor
    await alice.card('Confindustria Bergamo').click()
    const editor = alice.page.locator('[data-testid=actor-editor]')
    await editor.locator('[data-field=desiredStance] button[aria-checked=false]').first().click()
    await editor.locator('textarea[data-field=engagement]').fill('Tavolo con l’ufficio formazione')
    await editor.locator('textarea[data-field=engagement]').blur()
    await bruno.card('Confindustria Bergamo').locator('[data-testid=alignment]').waitFor()
    await bruno.card('Confindustria Bergamo').getByText('Tavolo con l’ufficio formazione').waitFor()
    await screenshot(alice.page, 'stakeholders-grid')
    await screenshot(bruno.page, 'stakeholders-grid-participant')

    // a long name wraps rather than being cut
    const long = 'Fondazione della Comunità Bergamasca'
    await alice.addActor('third-sector', long)
    await bruno.card(long).locator('.actor-name').waitFor()
    const wrapped = await bruno.nameWrapping(long)
    expect(wrapped.cut).toBe(false)
    expect(wrapped.lines).toBeGreaterThanOrEqual(2)
    await screenshot(bruno.page, 'stakeholders-grid-long-name')
  })

  it('links two actors with a conflict, on the relationship map', async () => {
    const { board, alice, bruno } = await twoParticipants('Patto Valle Seriana')
    const observer = await stockWithActors(board)
    await alice.view('map')
    await bruno.view('map')
    await alice.node('Associazione genitori').waitFor()

    await alice.linkActors('Comune di Bergamo', 'Associazione genitori', 'conflict')

    await bruno.page.locator('.relation-label[data-kind=conflict]').waitFor()
    await expect
      .poll(() => bruno.page.locator('.react-flow__edge').count(), { timeout: 5000 })
      .toBe(1)
    await waitFor(() => canvasRoots(observer.doc, 'stakeholders').edges.size === 1, 'relation')
    const [relation] = [...canvasRoots(observer.doc, 'stakeholders').edges.values()].map(readFields)
    expect(relation).toEqual({ source: 'actor-0', target: 'actor-3', kind: 'conflict' })
    // the relation is selected for its note and kind
    await alice.page.locator('[data-testid=relation-editor]').waitFor()

    // a stock client's funding shows too, drawn differently
    const funding = { source: 'actor-1', target: 'actor-0', kind: 'funding', note: 'Fondo sociale' }
    putRelation(observer.doc, 'rel-2', funding)
    await alice.page.locator('.relation-label[data-kind=funding]').waitFor()
    await alice.page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } })
    await screenshot(alice.page, 'stakeholders-map')

    // a second relation between the same two actors, of another kind: both stay visible, and
    // creating it does not move the view
    const viewport = alice.page.locator('.react-flow__viewport')
    const before = await viewport.getAttribute('style')
    const cardBefore = await alice.node('Comune di Bergamo').boundingBox()
    await alice.linkActors('Comune di Bergamo', 'Associazione genitori', 'cooperation')
    await alice.page.locator('[data-testid=relation-editor]').waitFor()
    await waitFor(() => canvasRoots(observer.doc, 'stakeholders').edges.size === 3, 'second')
    const labels = alice.page.locator('.relation-label')
    await expect.poll(() => labels.count()).toBe(3)
    expect(await viewport.getAttribute('style')).toBe(before)
    expect(await alice.node('Comune di Bergamo').boundingBox()).toEqual(cardBefore)
    const seen = await alice.relationLabels()
    for (const l of seen) expect(l).toMatchObject({ onTop: true, whole: true })
    const [conflict, cooperation] = ['conflict', 'cooperation'].map(
      (k) => seen.find((l) => l.kind === k)!.box,
    )
    expect(disjoint(conflict!, cooperation!)).toBe(true)
    await screenshot(alice.page, 'stakeholders-map-parallel')
    // the relation's card belongs to the map: not shown over the coverage matrix, back on return
    await alice.view('coverage')
    await alice.page.locator('[data-testid=relation-editor]').waitFor({ state: 'detached' })
    await alice.view('map')
    await alice.page.locator('[data-testid=relation-editor]').waitFor()
  })

  it('shows who is writing only while they write: not after leaving the field or a pause', async () => {
    const board = await workshop.createBoard('Patto Alto Sebino')
    const observer = await stockWithActors(board)
    const alice = await workshop.participant('Alice')
    // Alice's clock can jump ahead, to see the pause without waiting for it
    await alice.page.clock.install()
    const bruno = await workshop.participant('Bruno')
    await alice.open(board.links.facilitator)
    await bruno.open(board.links.participant)
    const writing = () => bruno.card('Confindustria Bergamo').getByText('Alice sta scrivendo')

    await alice.card('Confindustria Bergamo').click()
    const org = alice.page.locator('[data-testid=actor-editor] input[data-field=organisation]')
    await org.click()
    await org.pressSequentially('Uff')
    await writing().waitFor()
    await screenshot(bruno.page, 'stakeholders-writing')

    // a pause of more than 20 s with the field still focused: no longer "writing"
    await alice.page.clock.fastForward(21_000)
    await expect.poll(() => writing().count()).toBe(0)
    expect(await org.evaluate((el) => el === document.activeElement)).toBe(true)
    // typing again shows it again; leaving the field clears it
    await org.pressSequentially('icio')
    await writing().waitFor()
    await org.press('Tab')
    await expect.poll(() => writing().count()).toBe(0)
    await waitFor(
      () => actorByName(observer.doc, 'Confindustria Bergamo')?.organisation === 'Ufficio',
      'the text is written when the field is left',
    )
  })

  it('takes every key of a person tabbing through an actor card: no key held for an editor that never opens', async () => {
    const board = await workshop.createBoard('Patto Val Brembana')
    const observer = await stockWithActors(board)
    const alice = await workshop.participant('Alice')
    await alice.open(board.links.participant)
    await alice.card('Confindustria Bergamo').click()
    const name = alice.editorLabel()
    await name.click()
    // at once, as a person who knows the form: to the category, one to the right, Space
    await alice.page.keyboard.press('End')
    await alice.page.keyboard.type(' srl')
    for (const key of ['Tab', 'Tab', 'Tab', 'Space']) await alice.page.keyboard.press(key)
    await waitFor(
      () => actorByName(observer.doc, 'Confindustria Bergamo srl')?.category === 'third-sector',
      'the category chosen with Tab and Space',
    )
  })

  it('links actors to objectives and shows the coverage matrix', async () => {
    const board = await workshop.createBoard('Patto Lecco')
    const observer = await stockWithActors(board)
    seedObjectives(observer.doc)
    const alice = await workshop.participant('Alice')
    await alice.open(board.links.facilitator)
    await alice.card('Comune di Bergamo').click()
    const editor = alice.page.locator('[data-testid=actor-editor]')
    await editor.getByText('Obiettivo scartato').waitFor({ state: 'detached' })
    await editor.getByLabel('Più tirocini per i NEET').check()
    await waitFor(
      () => actorByName(observer.doc, 'Comune di Bergamo')!.objectives.includes('obj-1'),
      'objective linked',
    )

    await alice.view('coverage')
    const table = alice.page.locator('.coverage-table')
    await table.waitFor()
    expect(await table.locator('thead th[data-objective]').count()).toBe(3)
    await expect
      .poll(() => alice.coverageHead('obj-2').getAttribute('class'))
      .toContain('uncovered')
    expect(await alice.coverageHead('obj-1').getAttribute('class')).not.toContain('uncovered')
    await expect.poll(() => table.locator('tbody tr.idle').count()).toBe(3)
    await screenshot(alice.page, 'stakeholders-coverage')
    // a click in the matrix links too
    await table
      .getByLabel('Cooperativa Il Ponte contribuisce a «Rete dei servizi integrata»')
      .check()
    await expect.poll(() => table.locator('tbody tr.idle').count()).toBe(2)
    await expect.poll(() => table.locator('th.uncovered').count()).toBe(1)
    await expect
      .poll(() => alice.page.locator('[data-testid=coverage-summary]').textContent())
      .toBe('1 obiettivo senza attori · 2 attori senza obiettivi')

    // many objectives with long labels at 1920 wide: the matrix scrolls in its own box, with
    // the objectives' row and the actors' column in place
    seedLongObjectives(observer.doc)
    await alice.page.setViewportSize({ width: 1920, height: 1080 })
    await expect.poll(() => table.locator('thead th[data-objective]').count()).toBe(15)
    const layout = () => alice.coverageLayout()
    await screenshot(alice.page, 'stakeholders-coverage-wide')
    expect(await layout()).toMatchObject({ pageOverflows: false, inBox: true })
    await alice.scrollCoverage(800, 200)
    const scrolled = await layout()
    expect(Math.abs(scrolled.headAt)).toBeLessThan(2)
    expect(Math.abs(scrolled.cornerAt)).toBeLessThan(2)
    expect(Math.abs(scrolled.actorAt)).toBeLessThan(2)
    await screenshot(alice.page, 'stakeholders-coverage-scrolled')
  })

  it('shows the projector everything, read-only', async () => {
    const board = await workshop.createBoard('Patto Proiettore')
    const observer = await stockWithActors(board)
    const viewer = await workshop.participant('Proiettore')
    await viewer.page.goto(board.links.viewer)
    await viewer.page.locator('#tab-stakeholders').click()
    await viewer.node('Comune di Bergamo').waitFor()
    expect(await viewer.page.locator('.add-actor').count()).toBe(0)
    await viewer.page.locator('[data-testid=legend]').waitFor()
    // its legend read from the back of the room, larger than a laptop's 12.5 px
    expect(
      await viewer.page
        .locator('[data-testid=legend]')
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize)),
    ).toBeGreaterThanOrEqual(18)
    await screenshot(viewer.page, 'stakeholders-projector')
    // the stances as large as the text beside them: on the cards as their category's name, in
    // the legend in its own size
    const fontOf = (selector: string) =>
      viewer.page
        .locator(selector)
        .first()
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    expect(await fontOf('.actor-card .stance-badge')).toBeGreaterThanOrEqual(13)
    expect(await fontOf('[data-testid=legend] .stance-badge')).toBeGreaterThanOrEqual(15)
    // its legend says what is drawn: no control nobody will work
    expect(await viewer.page.getByTestId('legend').getByRole('checkbox').count()).toBe(0)
    // the map on a 1920 × 1080 projector: alone, without the zoom's buttons, no smaller than
    // its cards' own size
    await viewer.page.setViewportSize({ width: 1920, height: 1080 })
    await viewer.view('map')
    await viewer.node('Comune di Bergamo').waitFor()
    const zoom = async () => {
      const style = await viewer.page
        .locator('.map-canvas .react-flow__viewport')
        .getAttribute('style')
      return Number(/scale\(([\d.]+)\)/.exec(style ?? '')?.[1] ?? 0)
    }
    // a laptop's fit stops at 1.1
    await expect.poll(zoom).toBeGreaterThan(1.15)
    expect(await viewer.page.locator('.map-canvas .react-flow__controls').count()).toBe(0)
    // nobody pans a projector: an actor added far to the side on a laptop is framed with the rest
    observer.doc.transact(() =>
      putCard(observer.doc, 'stakeholders', 'actor-far', {
        ...newActorFields('public', { label: 'Provincia di Bergamo', power: 0.6, interest: 0.6 }),
        x: 2600,
        y: 900,
      }),
    )
    await viewer.card('Provincia di Bergamo').waitFor()
    const inView = (name: string) => async () => {
      const box = await viewer.card(name).boundingBox()
      const [w, h] = [1920, 1080]
      return !!box && box.x >= 0 && box.y >= 0 && box.x + box.width <= w && box.y + box.height <= h
    }
    await expect.poll(inView('Provincia di Bergamo'), { timeout: 5_000 }).toBe(true)
    expect(await inView('Comune di Bergamo')()).toBe(true)
    await screenshot(viewer.page, 'stakeholders-projector-map')
    await viewer.view('grid')
    await viewer.card('Comune di Bergamo').click()
    // the actor's sheet reads as text: no field to type in, the name whole
    const editor = viewer.page.getByTestId('actor-editor')
    await editor.locator('[data-field=label]', { hasText: 'Comune di Bergamo' }).waitFor()
    expect(await editor.locator('input[type=text], textarea').count()).toBe(0)
    await viewer.view('register')
    expect(await viewer.page.locator('.register-table input').count()).toBe(0)
    expect(await viewer.page.locator('[data-testid=csv-import]').count()).toBe(0)
  })

  it('shows which card a keyboard user reached with Tab', async () => {
    const board = await workshop.createBoard('Patto Valle Imagna')
    await stockWithActors(board)
    const p = await workshop.participant('Nora')
    await p.open(board.links.participant)
    await p.node('Comune di Bergamo').waitFor()
    let outline = 'none'
    for (let i = 0; i < 40 && outline === 'none'; i++) {
      await p.page.keyboard.press('Tab')
      outline = await p.page.evaluate(() => {
        const el = document.activeElement
        return el?.classList.contains('react-flow__node')
          ? getComputedStyle(el).outlineStyle
          : 'none'
      })
    }
    expect(outline).toBe('solid')
  })

  it('frames the whole grid, its axes included, on an empty board', async () => {
    const board = await workshop.createBoard('Patto vuoto')
    const p = await workshop.participant('Nora')
    await p.page.setViewportSize({ width: 1366, height: 768 })
    await p.page.goto(board.links.participant)
    await p.page.locator('#tab-stakeholders').click()
    await p.page.getByTestId('grid-tray').getByText('Da collocare (0)').waitFor()
    // a participant's laptop: the views and the four categories in one row (in two, the bar
    // took 90 px of the 768), each category still named in full
    expect(await p.barInOneRow()).toBe(true)
    for (const name of ['Pubblico', 'Terzo Settore', 'Economico', 'Comunità'])
      await p.page.locator('.add-actor', { hasText: name }).waitFor()
    await screenshot(p.page, 'stakeholders-grid-1366')
    // "interesse →" sits under the quadrants: the framed view holds it, above the legend
    const axisInView = async () => {
      const axis = await p.page.locator('.grid-axis-x').boundingBox()
      const canvas = await p.page.getByTestId('stakeholder-grid').boundingBox()
      return !!axis && !!canvas && axis.y + axis.height <= canvas.y + canvas.height
    }
    await expect.poll(axisInView).toBe(true)

    // an actor waits in the tray; going through its sheet by keyboard does not place it, and
    // its power and interest read — until someone sets them
    await p.addActor('public', 'Caritas')
    const tray = p.page.getByTestId('grid-tray')
    await tray.getByText('Da collocare (1)').waitFor()
    await p.card('Caritas').click()
    const power = p.page.locator('#actor-power')
    await power.waitFor()
    await p.page.locator('#actor-power').focus()
    await p.page.keyboard.press('Tab')
    await p.page.keyboard.press('Shift+Tab')
    await expect
      .poll(() => p.page.locator('#actor-power').evaluate((el) => el === document.activeElement))
      .toBe(true)
    expect(await p.page.locator('.unit-slider output').allTextContents()).toEqual(['—', '—'])
    expect(await tray.getByText('Da collocare (1)').count()).toBe(1)
    await p.page.keyboard.press('ArrowRight')
    await expect.poll(() => tray.getByText('Da collocare (0)').count()).toBe(1)
  })
})
