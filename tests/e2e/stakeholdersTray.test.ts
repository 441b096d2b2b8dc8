import { describe, expect, it } from 'vitest'
import { canvasRoots } from '../../shared/schema/index.ts'
import { screenshot } from '../helpers/browser.ts'
import { gridSight } from '../helpers/gridSight.ts'
import { addWaitingActors } from '../helpers/stakeholderActors.ts'
import { stakeholdersWorkshop } from '../helpers/stakeholdersPage.ts'

const workshop = stakeholdersWorkshop()

describe('the grid’s tray, where new actors wait to be placed', () => {
  it('shows the projector every waiting actor, nine or twenty, whole and apart', async () => {
    const board = await workshop.createBoard('Patto Valle Seriana')
    const room = await workshop.stock(board)
    addWaitingActors(room.doc, 0, 9)
    const projector = await workshop.participant('Proiettore')
    await projector.page.setViewportSize({ width: 1920, height: 1080 })
    await projector.open(board.links.viewer)
    const tray = projector.page.getByTestId('grid-tray')

    // nobody scrolls the projector: the framed grid holds every waiting actor, none on another
    for (const count of [9, 20]) {
      if (count > 9) addWaitingActors(room.doc, 9, count)
      await tray.getByText(`Da collocare (${count})`).waitFor()
      await expect
        .poll(() => gridSight(projector.page), { timeout: 10_000 })
        .toMatchObject({ cards: count, onScreen: count, inTray: count, overlaps: 0 })
      await screenshot(projector.page, `stakeholders-projector-tray-${count}`)
      // and read from the back of the room: the names are not shrunk to nothing
      const { namePx } = await gridSight(projector.page)
      expect(namePx).toBeGreaterThanOrEqual(10)
    }

    // every actor placed: the empty tray leaves the projector («Da collocare (0)» took a sixth
    // of the screen) and the grid is framed larger in the room it left
    const gridWidth = () =>
      projector.page.locator('.grid-backdrop').evaluate((el) => el.getBoundingClientRect().width)
    const withTray = await gridWidth()
    room.doc.transact(() => {
      const nodes = canvasRoots(room.doc, 'stakeholders').nodes
      for (let i = 0; i < 20; i++) nodes.get(`actor-${i}`)!.set('placed', true)
    })
    await tray.waitFor({ state: 'detached' })
    await expect.poll(gridWidth).toBeGreaterThan(withTray * 1.1)
    await screenshot(projector.page, 'stakeholders-projector-all-placed')
  })

  it('keeps the tray’s hint clear of a waiting actor with a long name', async () => {
    const board = await workshop.createBoard('Patto Valle Seriana')
    const p = await workshop.participant('Nora')
    await p.page.setViewportSize({ width: 1440, height: 900 })
    await p.open(board.links.participant)
    // the bar in one row (the alignment arrows wrapped onto a second one): they are in the
    // legend, beside the stances, and still switch the arrows off
    await expect.poll(p.barInOneRow).toBe(true)
    const arrows = p.page.getByRole('checkbox', { name: 'Frecce di allineamento' })
    await expect
      .poll(() => p.page.getByTestId('legend').getByRole('checkbox').isChecked())
      .toBe(true)
    await arrows.uncheck()
    await expect.poll(() => arrows.isChecked()).toBe(false)
    await p.addActor('third-sector', 'Cooperativa sociale Il Sentiero di Valle Seriana')
    await p.page.keyboard.press('Escape')
    await p.page.getByTestId('grid-tray').getByText('Da collocare (1)').waitFor()
    // (polled: the tray lays its card out a frame after its count shows)
    const clearOfHint = async () => {
      const hint = (await p.page.locator('.grid-tray-hint').boundingBox())!
      const [card] = await p.cardBoxes()
      return card!.y - (hint.y + hint.height)
    }
    await expect.poll(clearOfHint).toBeGreaterThanOrEqual(0)
  })
})
