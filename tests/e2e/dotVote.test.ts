import { afterAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { collectionRoot, putRecord } from '../../shared/schema/index.ts'
import { newParticipant, screenshot } from '../helpers/browser.ts'
import { boardPage } from '../helpers/boardPage.ts'
import { connectSynced, seededProblemBoard, type Client } from '../helpers/clients.ts'
import { facilitatorPanel } from '../helpers/facilitatorPanel.ts'
import { createBoard, exportJson } from '../helpers/server.ts'
import { browserSuite } from '../helpers/suite.ts'
import { openVotes } from '../helpers/voteTargets.ts'
import { buildWorkshopTree, WORKSHOP_LABELS } from '../helpers/workshopTree.ts'

const suite = browserSuite()
const clients: Client[] = []
afterAll(() => clients.forEach((c) => c.destroy()))

const seededBoard = (labels: string[]) => seededProblemBoard(suite.server.url, labels, clients)

/**
 * The cards a page shows of its tree, by their text: those not whole in the canvas's view, and
 * those the vote's ranking covers. `cards`: how many there are.
 */
const underRanking = (page: Page) =>
  page.evaluate(() => {
    const view = document.querySelector('.canvas .react-flow')!.getBoundingClientRect()
    const ranking = document.querySelector('.vote-ranking')?.getBoundingClientRect()
    const meet = (a: DOMRect, b: DOMRect) =>
      a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
    const cards = [...document.querySelectorAll('.canvas .react-flow__node')]
    const label = (el: Element) => el.querySelector('.card-label')?.textContent ?? el.id
    const out = cards.filter((el) => {
      const r = el.getBoundingClientRect()
      return (
        r.left < view.left || r.right > view.right || r.top < view.top || r.bottom > view.bottom
      )
    })
    const covered = ranking ? cards.filter((el) => meet(el.getBoundingClientRect(), ranking)) : []
    return { cards: cards.length, out: out.map(label), covered: covered.map(label) }
  })

describe('a dot vote run by the facilitator', () => {
  it('a dot vote with hidden results shows the right tallies everywhere once revealed, and is in the export', async () => {
    const board = await seededBoard([
      'Disoccupazione giovanile',
      'Scarso orientamento',
      'Pochi tirocini',
    ])
    const facilitator = await suite.open(board.links.facilitator, 'Fede')
    const anna = await suite.open(board.links.participant, 'Anna')
    const bruno = await suite.open(board.links.participant, 'Bruno')
    const projector = await suite.open(board.links.viewer, 'Proiettore')
    const all = [facilitator, anna, bruno, projector]
    for (const b of all) await b.card('Pochi tirocini').waitFor()
    // Bruno is reading the pact when the vote opens
    await bruno.page.getByRole('tab', { name: /Patto/ }).click()
    await bruno.page.locator('.react-flow').waitFor({ state: 'detached' })

    const panel = await facilitatorPanel(facilitator.page)
    // out of range: brought into it, and said
    await panel.getByTestId('vote-dots').fill('99')
    expect(await panel.getByTestId('vote-dots').inputValue()).toBe('20')
    expect(
      await panel.getByRole('status').filter({ hasText: 'punti per persona' }).innerText(),
    ).toBe('Da 1 a 20 punti per persona: sono 20.')
    await panel.getByTestId('vote-dots').fill('2')
    await panel
      .getByRole('status')
      .filter({ hasText: 'punti per persona' })
      .waitFor({ state: 'detached' })
    await panel.getByRole('button', { name: 'Apri la votazione' }).click()
    // a vote is open on this tree: another would close it, and the button says so
    await panel
      .getByRole('button', { name: 'Apri una nuova votazione (chiude quella aperta)' })
      .waitFor()
    await panel.getByRole('button', { name: 'Chiudi', exact: true }).click()
    // the chip in his header takes him to the tree being voted on
    await bruno.page
      .getByRole('button', { name: 'Votazione aperta su «Problemi»: vai a votare' })
      .click()
    await bruno.card('Pochi tirocini').waitFor()
    await expect
      .poll(() => bruno.page.getByTestId('vote-chip').textContent())
      .toMatch(/ti restano 2 punti su 2/)

    const add = (b: typeof anna, card: string) =>
      b.card(card).getByRole('button', { name: `Metti un punto su «${card}»` })
    await add(anna, 'Pochi tirocini').click()
    await expect
      .poll(() => anna.card('Pochi tirocini').getByTestId('vote-dots').getAttribute('data-mine'))
      .toBe('1')
    await add(anna, 'Pochi tirocini').click()
    await expect
      .poll(() => anna.card('Pochi tirocini').getByTestId('vote-dots').getAttribute('data-mine'))
      .toBe('2')
    // two dots each: Anna has none left
    await expect.poll(() => add(anna, 'Scarso orientamento').isDisabled()).toBe(true)
    await expect
      .poll(() => anna.page.getByTestId('vote-chip').textContent())
      .toMatch(/0 punti su 2/)
    // by keyboard: focus the control and press Enter
    await add(bruno, 'Pochi tirocini').focus()
    await bruno.page.keyboard.press('Enter')
    await expect
      .poll(() => bruno.card('Pochi tirocini').getByTestId('vote-dots').getAttribute('data-mine'))
      .toBe('1')
    await add(bruno, 'Scarso orientamento').click()
    await expect
      .poll(() =>
        bruno.card('Scarso orientamento').getByTestId('vote-dots').getAttribute('data-mine'),
      )
      .toBe('1')
    // Bruno takes one back and puts it on the core problem
    await bruno
      .card('Scarso orientamento')
      .getByRole('button', { name: /Togli un punto/ })
      .click()
    await add(bruno, 'Disoccupazione giovanile').click()
    await expect
      .poll(() => bruno.page.getByTestId('vote-chip').textContent())
      .toMatch(/0 punti su 2/)

    // hidden: no screen shows a tally yet
    for (const b of all) expect(await b.page.getByTestId('vote-tally').count()).toBe(0)

    await facilitatorPanel(facilitator.page)
    await facilitator.page.getByRole('button', { name: 'Mostra i risultati' }).click()
    const tally = (b: typeof anna, card: string) =>
      b.card(card).getByTestId('vote-tally').getAttribute('data-count')
    for (const b of all) {
      await expect.poll(() => tally(b, 'Pochi tirocini')).toBe('3')
      expect(await tally(b, 'Disoccupazione giovanile')).toBe('1')
      expect(await tally(b, 'Scarso orientamento')).toBe('0')
      const ranking = b.page.getByTestId('vote-ranking-item')
      await expect.poll(() => ranking.count()).toBe(2)
      expect(await ranking.first().textContent()).toMatch(/1º.*Pochi tirocini.*3 punti/)
    }

    const exported = (await exportJson(suite.server.url, board.id, board.keys.viewer)) as {
      votes: { votes: { state: string; dots: number; canvas: string }[]; dots: { card: string }[] }
    }
    expect(exported.votes.votes).toMatchObject([{ state: 'revealed', dots: 2, canvas: 'problems' }])
    expect(exported.votes.dots.map((d) => d.card).sort()).toEqual(['p0', 'p2', 'p2', 'p2'])
  })

  it('a dot placed offline in a vote that closed meanwhile is taken back, and its writer goes on writing', async () => {
    const board = await seededBoard(['Disoccupazione giovanile', 'Pochi tirocini'])
    const facilitator = await suite.open(board.links.facilitator, 'Fede')
    const { context, page } = await newParticipant(suite.browser, 'Anna')
    const anna = boardPage(page)
    await anna.open(board.links.participant)
    await anna.waitSaved()
    const panel = await facilitatorPanel(facilitator.page)
    await panel.getByTestId('vote-dots').fill('3')
    await panel.getByRole('button', { name: 'Apri la votazione' }).click()
    const add = (card: string) =>
      anna.card(card).getByRole('button', { name: `Metti un punto su «${card}»` })
    // her dots on a card (a closed vote shows no badge on a card without any of hers)
    const mine = async (card: string) => {
      const badge = anna.card(card).getByTestId('vote-dots')
      return (await badge.count()) ? badge.getAttribute('data-mine') : '0'
    }
    await add('Pochi tirocini').click()
    await expect.poll(() => mine('Pochi tirocini')).toBe('1')
    await anna.waitSaved()
    // her Wi-Fi drops; she places another dot; meanwhile the facilitator closes the vote
    await context.setOffline(true)
    await add('Disoccupazione giovanile').click()
    await expect.poll(() => mine('Disoccupazione giovanile')).toBe('1')
    await panel.getByRole('button', { name: 'Chiudi la votazione' }).click()
    await panel.getByRole('button', { name: 'Mostra i risultati' }).waitFor()
    await context.setOffline(false)
    // back online: the late dot is taken back, and her page says so; nothing of hers is held
    const late = anna.page.getByTestId('late-dot')
    await late.waitFor({ timeout: 15_000 })
    await screenshot(anna.page, 'vote-late-dot')
    expect(await late.locator('span').innerText()).toBe(
      'Un tuo punto è arrivato quando la votazione era già chiusa (eri offline): non è stato contato.',
    )
    await anna.addCardAt(300, 600, 'Scritta dopo il voto')
    await facilitator.card('Scritta dopo il voto').waitFor()
    await anna.waitSaved()
    expect(await anna.page.getByTestId('room-refused').count()).toBe(0)
    // revealed: the dot placed while the vote was open counts, the late one does not
    await panel.getByRole('button', { name: 'Mostra i risultati' }).click()
    const tally = (card: string) =>
      anna.card(card).getByTestId('vote-tally').getAttribute('data-count')
    await expect.poll(() => tally('Pochi tirocini')).toBe('1')
    expect(await tally('Disoccupazione giovanile')).toBe('0')
    const exported = (await exportJson(suite.server.url, board.id, board.keys.viewer)) as {
      votes: { dots: { card: string }[] }
    }
    expect(exported.votes.dots.map((d) => d.card)).toEqual(['p1'])
  })

  it('revealed from another phase, takes the room to the canvas voted on: the projector shows the ranking, a participant elsewhere is offered it', async () => {
    const board = await seededBoard([
      'Disoccupazione giovanile',
      'Scarso orientamento',
      'Pochi tirocini',
    ])
    const facilitator = await suite.open(board.links.facilitator, 'Fede')
    const anna = await suite.open(board.links.participant, 'Anna')
    const projector = await suite.open(board.links.viewer, 'Proiettore')
    await facilitator.page.setViewportSize({ width: 1440, height: 900 })
    await anna.page.setViewportSize({ width: 1366, height: 768 })
    await projector.page.setViewportSize({ width: 1920, height: 1080 })
    // the room is on the pact: the projector goes with the facilitator
    await facilitator.page.getByRole('tab', { name: /Patto/ }).click()
    await projector.page.getByRole('tab', { name: /Patto/, selected: true }).waitFor()
    await projector.page.locator('.react-flow').waitFor({ state: 'detached' })

    // a vote on the problem tree, opened from the pact
    const panel = await facilitatorPanel(facilitator.page)
    expect(await panel.getByTestId('vote-canvas').inputValue()).toBe('problems')
    await panel.getByRole('button', { name: 'Apri la votazione' }).click()
    // Anna, who stayed on the tree, votes there, then goes to the pact where the room is
    const add = (card: string) =>
      anna.card(card).getByRole('button', { name: `Metti un punto su «${card}»` })
    await add('Pochi tirocini').click()
    await add('Pochi tirocini').click()
    await add('Scarso orientamento').click()
    await expect
      .poll(() => anna.page.getByTestId('vote-chip').textContent())
      .toMatch(/0 punti su 3/)
    await anna.page.getByRole('tab', { name: /Patto/ }).click()
    await anna.page.locator('.react-flow').waitFor({ state: 'detached' })

    await panel.getByRole('button', { name: 'Chiudi la votazione' }).click()
    await panel.getByRole('button', { name: 'Mostra i risultati' }).click()
    // the facilitator's page, and so the room, goes to the tree; the panel makes way
    for (const b of [projector, facilitator]) {
      const ranking = b.page.getByTestId('vote-ranking-item')
      await expect.poll(() => ranking.count()).toBe(2)
      expect(await ranking.first().textContent()).toMatch(/1º.*Pochi tirocini.*2 punti/)
    }
    await facilitator.page.getByRole('tab', { name: /Problemi/, selected: true }).waitFor()
    expect(await panel.count()).toBe(0)
    expect(
      await facilitator.page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
    ).toBe('facilitation-open')
    // read from the back of the room: the ranking's lines no smaller than the header's 24 px
    const rankingPx = await projector.page
      .locator('.vote-rank-label')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    expect(rankingPx).toBeGreaterThanOrEqual(24)
    await screenshot(projector.page, 'vote-revealed-projector')
    await screenshot(facilitator.page, 'vote-revealed-facilitator')
    // Anna, on the pact by her own choice, stays there and is offered the results
    const notice = anna.page.getByTestId('phase-notice')
    await expect
      .poll(() => notice.textContent())
      .toMatch(/Fede ha portato la sala alla fase «Problemi», dove si vedono i risultati/)
    await screenshot(anna.page, 'vote-revealed-participant')
    await notice.getByRole('button', { name: 'Vedi i risultati' }).click()
    await expect.poll(() => anna.page.getByTestId('vote-ranking-item').count()).toBe(2)
    await expect.poll(() => notice.count()).toBe(0)
  })

  it('once revealed, the ranking on a 1366×768 laptop leaves every card of a 25-card tree in sight and to click', async () => {
    const board = await createBoard(suite.server.url, 'Patto Val Seriana')
    const seeder = await connectSynced(suite.server.url, board.id, board.keys.facilitator)
    clients.push(seeder)
    const doc = seeder.doc
    buildWorkshopTree(doc)
    openVotes(doc, ['problems'])
    // a room of voters, three dots each at most, on ten cards: a ranking of ten rows
    const voted = ['r10', 'r10', 'r10', 'r4', 'r4', 'c5', 'c5', 'r9', 'core', 'r12', 'c2', 'r7']
    doc.transact(() =>
      [...voted, 'e2', 'r3'].forEach((card, i) =>
        putRecord(doc, 'votes.dots', `d${i}`, { vote: 'v-problems', card, voter: `v${i % 5}` }),
      ),
    )
    const { page } = await newParticipant(suite.browser, 'Anna', 'it', {
      viewport: { width: 1366, height: 768 },
    })
    const anna = boardPage(page)
    await anna.open(board.links.participant)
    const projector = boardPage(
      (
        await newParticipant(suite.browser, 'Proiettore', 'it', {
          viewport: { width: 1920, height: 1080 },
        })
      ).page,
    )
    await projector.open(board.links.viewer)
    // the tree opens whole
    await expect
      .poll(() => underRanking(page), { timeout: 10_000 })
      .toEqual({ cards: 25, out: [], covered: [] })
    // the facilitator shows the results: the ranking comes, and the tree makes room for it
    doc.transact(() => collectionRoot(doc, 'votes').get('v-problems')!.set('state', 'revealed'))
    await expect.poll(() => page.getByTestId('vote-ranking-item').count()).toBe(10)
    await expect
      .poll(() => underRanking(page), { timeout: 10_000 })
      .toEqual({ cards: 25, out: [], covered: [] })
    await screenshot(page, 'vote-ranking-laptop')
    // the lowest right card takes a click where the ranking was
    const card = anna.card(WORKSHOP_LABELS.r12!)
    await card.click()
    await expect.poll(() => card.getAttribute('class')).toMatch(/selected/)
    // «Mostra tutto» keeps clear of it too
    await page.getByRole('button', { name: 'Mostra tutto' }).click()
    await expect.poll(() => underRanking(page)).toEqual({ cards: 25, out: [], covered: [] })
    // the projector's tree, as before, beside its ranking
    await expect.poll(() => projector.page.getByTestId('vote-ranking-item').count()).toBe(10)
    await expect
      .poll(() => underRanking(projector.page), { timeout: 10_000 })
      .toEqual({ cards: 25, out: [], covered: [] })
    await screenshot(projector.page, 'vote-ranking-projector')
  })
})
