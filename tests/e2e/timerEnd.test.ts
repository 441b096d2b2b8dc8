import { describe, expect, it } from 'vitest'
import { newParticipant } from '../helpers/browser.ts'
import { boardPage } from '../helpers/boardPage.ts'
import { facilitatorPanel } from '../helpers/facilitatorPanel.ts'
import { createBoard } from '../helpers/server.ts'
import { browserSuite } from '../helpers/suite.ts'

const suite = browserSuite()

describe('a timer that has run out', () => {
  it('leaves the participants’ screens five minutes after its end; the facilitator keeps it to remove', async () => {
    const board = await createBoard(suite.server.url, 'Patto Valle')
    const facilitator = await suite.open(board.links.facilitator, 'Fede')
    // Anna's page can be moved on in time, as if she had left it open over the coffee break
    const { page } = await newParticipant(suite.browser, 'Anna')
    await page.clock.install()
    const anna = boardPage(page)
    await anna.open(board.links.participant)

    const panel = await facilitatorPanel(facilitator.page)
    await panel.getByTestId('timer-minutes').fill('0.05')
    await panel.getByRole('button', { name: 'Avvia' }).click()
    for (const p of [facilitator.page, page])
      await p.locator('.room-timer-done').waitFor({ timeout: 15_000 })
    // four minutes on: still said
    await page.clock.fastForward(4 * 60_000)
    await page.locator('.room-timer-done').waitFor()
    // past five: gone from her screen, not from the facilitator's
    await page.clock.fastForward(2 * 60_000)
    await page.locator('[data-testid=room-timer]').waitFor({ state: 'detached' })
    expect(await facilitator.page.locator('.room-timer-done').count()).toBe(1)
    // a new timer shows again
    await panel.getByTestId('timer-minutes').fill('10')
    await panel.getByRole('button', { name: 'Avvia' }).click()
    await page.locator('.room-timer:not(.room-timer-done)').waitFor()
  })
})
