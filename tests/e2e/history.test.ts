import { afterAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { newParticipant, screenshot } from '../helpers/browser.ts'
import { boardPage } from '../helpers/boardPage.ts'
import { api } from '../helpers/history.ts'
import { browserSuite } from '../helpers/suite.ts'
import { connectSynced, type Client } from '../helpers/clients.ts'
import { createBoard } from '../helpers/server.ts'
import { waitFor } from '../helpers/wait.ts'
import {
  PACT_INFO_ID,
  canvasRoots,
  patchRecord,
  putCard,
  putLink,
} from '../../shared/schema/index.ts'
import type { Page } from 'playwright-core'

const suite = browserSuite()
const clients: Client[] = []
afterAll(() => {
  for (const c of clients) c.destroy()
})

/** A small problem tree written by a stock client: cards and links from each to the first. */
async function seedTree(boardId: string, key: string, labels: string[]): Promise<Client> {
  const client = await connectSynced(suite.server.url, boardId, key)
  clients.push(client)
  client.doc.transact(() => {
    labels.forEach((label, i) =>
      putCard(client.doc, 'problems', `card${i}`, {
        kind: 'problem',
        label,
        x: 250 * i,
        y: i === 0 ? 0 : 200,
        role: i === 0 ? 'core' : 'cause',
      }),
    )
    for (let i = 1; i < labels.length; i++)
      putLink(client.doc, 'problems', `link${i}`, {
        source: `card${i}`,
        target: 'card0',
        kind: 'cause-effect',
      })
  })
  return client
}

const panel = (page: Page) => page.locator('.history-panel')

async function openHistory(page: Page, tab: 'Versioni' | 'Attività' | 'Cestino') {
  if (!(await panel(page).isVisible())) await page.locator('.history-button').click()
  await panel(page).getByRole('tab', { name: tab }).click()
}

describe('history in the browser', () => {
  it('the facilitator saves a named version, sees what changed since, restores it, and everyone sees it', async () => {
    const board = await createBoard(suite.server.url, 'Patto Valle Seriana')
    const stock = await seedTree(board.id, board.keys.participant, [
      'Disoccupazione giovanile',
      'Scarso orientamento',
      'Pochi tirocini',
    ])
    const vision = (text: string) =>
      stock.doc.transact(() => patchRecord(stock.doc, 'pact.info', PACT_INFO_ID, { vision: text }))
    vision('Nessun giovane della valle lasciato solo')
    const giulia = await suite.open(board.links.facilitator, 'Giulia')
    const bruno = await suite.open(board.links.participant, 'Bruno')
    await giulia.card('Pochi tirocini').waitFor()
    await bruno.card('Pochi tirocini').waitFor()

    await openHistory(giulia.page, 'Versioni')
    // the panel opens below the header: «Esporta» stays there to click
    const exportBox = (await giulia.page.locator('.export-menu > button').boundingBox())!
    const exportReachable = await giulia.page.evaluate(
      ([x, y]) => !!document.elementFromPoint(x!, y!)?.closest('.export-menu'),
      [exportBox.x + exportBox.width / 2, exportBox.y + exportBox.height / 2],
    )
    expect(exportReachable).toBe(true)
    await giulia.page.getByLabel('Nome della versione').fill('Fine primo incontro')
    await giulia.page.getByRole('button', { name: 'Salva versione' }).click()
    await panel(giulia.page).getByText('Versione «Fine primo incontro» salvata').waitFor()
    const named = panel(giulia.page).locator('.history-version', { hasText: 'Fine primo incontro' })
    await named.waitFor()
    await expect.poll(() => named.locator('.history-counts').textContent()).toContain('3 problemi')

    // the board changes: Bruno deletes a card and rewords another, someone adds one
    await bruno.card('Pochi tirocini').click()
    await bruno.page.keyboard.press('Delete')
    await expect.poll(() => giulia.cards().count()).toBe(2)
    await bruno.editCard('Scarso orientamento', 'Scarso orientamento scolastico')
    stock.doc.transact(() =>
      putCard(stock.doc, 'problems', 'late', {
        kind: 'problem',
        label: 'Trasporti scarsi',
        x: 500,
        y: 400,
        role: 'cause',
      }),
    )
    await giulia.card('Trasporti scarsi').waitFor()
    await giulia.card('Scarso orientamento scolastico').waitFor()

    await named.getByRole('button', { name: 'Cosa è cambiato' }).click()
    const changes = named.locator('[data-testid=version-changes]')
    await changes.waitFor()
    await expect.poll(() => changes.locator('.added').textContent()).toContain('Trasporti scarsi')
    await expect
      .poll(() => changes.locator('.removed').first().textContent())
      .toContain('Pochi tirocini')
    await expect
      .poll(() => changes.locator('.reworded').textContent())
      .toContain('Scarso orientamento → Scarso orientamento scolastico')

    // the version opens read-only beside the live board: its tree still has the deleted card
    await named.getByRole('button', { name: 'Vedi' }).click()
    // named with its time: two versions may have the same name («Cambio di fase»)
    const view = giulia.page.getByRole('dialog', {
      name: /Versione «Fine primo incontro» del .*\d{1,2}:\d{2}/,
    })
    const picture = view.getByTestId('version-picture')
    await picture.waitFor()
    const svgOf = async () =>
      decodeURIComponent(((await picture.getAttribute('src')) ?? '').split(',')[1] ?? '')
    expect(await svgOf()).toContain('Pochi tirocini')
    expect(await svgOf()).not.toContain('Trasporti scarsi')
    await view.getByRole('tab', { name: 'Mappa delle relazioni' }).click()
    await expect.poll(async () => (await svgOf()).includes('Mappa delle relazioni')).toBe(true)
    await screenshot(giulia.page, 'history-version-view')
    // and its pact as the pact document prints it: the vision it had, not the one written since
    vision('Una valle che lavora insieme')
    await view.getByRole('tab', { name: 'Patto' }).click()
    const pact = view.getByTestId('version-pact')
    await expect
      .poll(() => pact.locator('[data-section=vision]').textContent())
      .toContain('Nessun giovane della valle lasciato solo')
    expect(await pact.textContent()).not.toContain('Una valle che lavora insieme')
    expect(await pact.locator('section h3').allTextContents()).toEqual([
      'Visione comune',
      'Governance',
      'Impegni reciproci',
      'Indicatori condivisi',
      'Monitoraggio e apprendimento',
    ])
    await screenshot(giulia.page, 'history-version-pact')
    // (the vision back as it was: the restore below changes the tree only)
    vision('Nessun giovane della valle lasciato solo')
    await view.getByRole('button', { name: 'Chiudi la versione' }).click()
    await expect.poll(() => view.count()).toBe(0)
    // and the live board is as it was
    await giulia.card('Trasporti scarsi').waitFor()

    await named.getByRole('button', { name: 'Ripristina' }).click()
    await named.getByRole('button', { name: 'Sì, ripristina' }).click()
    await panel(giulia.page).getByText('Versione ripristinata').waitFor()
    // the notice of it on Giulia's page sits beside «Cronologia», still open: it covered the
    // panel's «Ripristina» buttons
    const mine = giulia.page.getByTestId('room-restored')
    await mine.waitFor()
    const [notice, open] = [await mine.boundingBox(), await panel(giulia.page).boundingBox()]
    expect(notice!.x + notice!.width).toBeLessThanOrEqual(open!.x)
    expect(notice!.x).toBeGreaterThanOrEqual(0)
    // what changed since it, still open, is read again: the restore took those changes back
    await named.getByText('Nulla è cambiato da questa versione.').waitFor()
    expect(await changes.count()).toBe(0)

    for (const page of [giulia, bruno]) {
      await page.card('Pochi tirocini').waitFor()
      await page.card('Scarso orientamento').waitFor()
      await expect.poll(() => page.cards().count()).toBe(3)
      await expect.poll(() => page.card('Trasporti scarsi').count()).toBe(0)
      await expect.poll(() => page.page.locator('.react-flow__edge').count()).toBe(2)
    }
    await waitFor(() => canvasRoots(stock.doc, 'problems').nodes.size === 3, 'stock client')
    // Bruno is told why his board changed, and who did it
    const told = bruno.page.getByTestId('room-restored')
    await told.waitFor()
    expect(await told.textContent()).toMatch(
      /Giulia ha ripristinato una versione precedente della lavagna: 2 elementi tornati, 1 tolto, 1 cambiato\./,
    )
    // it covers no tab, button or link of the page: everything stays clickable until it is read,
    // the bar that says the room moved included
    await giulia.page.locator('#tab-objectives').click()
    await bruno.page.getByTestId('phase-notice').waitFor()
    const covered = await bruno.page.evaluate(() => {
      const banner = document.querySelector('[data-testid=room-restored]')!.getBoundingClientRect()
      return [...document.querySelectorAll('button, a, [role=tab], select')]
        .filter((el) => !el.closest('[data-testid=room-restored]'))
        .filter((el) => {
          const r = el.getBoundingClientRect()
          return (
            r.width > 0 &&
            r.left < banner.right &&
            banner.left < r.right &&
            r.top < banner.bottom &&
            banner.top < r.bottom
          )
        })
        .map((el) => el.textContent?.trim() || el.getAttribute('aria-label'))
    })
    expect(covered).toEqual([])
    await screenshot(bruno.page, 'history-restored-banner')
    await giulia.page.locator('#tab-problems').click()
    await bruno.page.getByTestId('phase-notice').waitFor({ state: 'detached' })
    await told.getByRole('button', { name: 'Ho capito' }).click()
    await expect.poll(() => told.count()).toBe(0)
    // someone who opens the board afterwards is not told of it as news
    const carla = await suite.open(board.links.participant, 'Carla')
    await carla.card('Pochi tirocini').waitFor()
    await carla.waitSaved()
    expect(await carla.page.getByTestId('room-restored').count()).toBe(0)
    // the state before the restore is itself a version
    await expect
      .poll(() => panel(giulia.page).locator('.history-version').first().textContent())
      .toContain('Prima di un ripristino')

    // the activity says who did what
    await openHistory(giulia.page, 'Attività')
    const feed = panel(giulia.page).locator('.history-entry')
    await expect.poll(() => feed.first().textContent()).toContain('Giulia')
    await expect
      .poll(() =>
        panel(giulia.page).locator('.history-entry', { hasText: 'Bruno' }).allTextContents(),
      )
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining('ha eliminato scheda problema: Pochi tirocini'),
        ]),
      )
    // Giulia's restore is said as one: the cards came back with it, nobody wrote them again
    const restore = feed.first()
    expect(await restore.textContent()).toContain('Ha ripristinato una versione')
    expect(await restore.textContent()).toMatch(/ha riportato scheda problema: .*Pochi tirocini/)
    expect(await restore.textContent()).toMatch(/ha tolto scheda problema: Trasporti scarsi/)
    expect(await restore.textContent()).not.toContain('ha creato')

    // a participant sees the versions but cannot save or restore
    await openHistory(bruno.page, 'Versioni')
    await panel(bruno.page)
      .locator('.history-version', { hasText: 'Fine primo incontro' })
      .waitFor()
    expect(await panel(bruno.page).getByRole('button', { name: 'Salva versione' }).count()).toBe(0)
    expect(await panel(bruno.page).getByRole('button', { name: 'Ripristina' }).count()).toBe(0)
  })

  it('a version of a newer schema than the open page says to reload it, not to try again', async () => {
    const board = await createBoard(suite.server.url, 'Pagina rimasta aperta')
    await seedTree(board.id, board.keys.participant, ['Disoccupazione giovanile', 'Pochi tirocini'])
    const saved = await fetch(
      `${suite.server.url}/api/boards/${board.id}/versions?key=${board.keys.facilitator}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Prima dell’aggiornamento' }),
      },
    )
    expect(saved.status).toBe(201)
    const giulia = await suite.open(board.links.facilitator, 'Giulia')
    await giulia.card('Pochi tirocini').waitFor()
    // the server was updated after this page loaded: its exports carry a newer schema version
    const versionExport = (url: URL) => /\/versions\/\d+\/export\.json$/.test(url.pathname)
    await giulia.page.route(versionExport, async (route) => {
      const response = await route.fetch()
      const json = (await response.json()) as { schemaVersion: number }
      await route.fulfill({ response, json: { ...json, schemaVersion: json.schemaVersion + 1 } })
    })
    await openHistory(giulia.page, 'Versioni')
    await panel(giulia.page)
      .locator('.history-version', { hasText: 'Prima dell’aggiornamento' })
      .getByRole('button', { name: 'Vedi' })
      .click()
    const view = giulia.page.getByRole('dialog', { name: /Versione «Prima dell’aggiornamento»/ })
    await expect
      .poll(() => view.getByRole('alert').textContent())
      .toBe(
        'Questa versione è di un Trama più recente di questa pagina: ricarica la pagina per vederla.',
      )
  })

  it('a deleted card comes back from the bin with its links', async () => {
    const board = await createBoard(suite.server.url, 'Patto Bassa Bergamasca')
    await seedTree(board.id, board.keys.participant, [
      'Abbandono scolastico',
      'Famiglie fragili',
      'Pochi servizi',
    ])
    const anna = await suite.open(board.links.participant, 'Anna')
    const carlo = await suite.open(board.links.participant, 'Carlo')
    await anna.card('Famiglie fragili').waitFor()
    await expect.poll(() => carlo.page.locator('.react-flow__edge').count()).toBe(2)

    await anna.card('Famiglie fragili').click()
    await anna.page.keyboard.press('Delete')
    await expect.poll(() => carlo.cards().count()).toBe(2)
    await expect.poll(() => carlo.page.locator('.react-flow__edge').count()).toBe(1)

    await openHistory(carlo.page, 'Cestino')
    const entry = panel(carlo.page).locator('.history-bin-entry[data-record=card1]')
    await entry.waitFor()
    // its link went with it: it comes back with the card, and is not listed apart
    expect(await panel(carlo.page).locator('.history-bin-entry').count()).toBe(1)
    // said as Italian says it of a «scheda»: eliminata, tornata
    expect(await entry.innerText()).toMatch(/eliminata \d/)
    await entry.getByRole('button', { name: 'Ripristina: Famiglie fragili' }).click()
    await panel(carlo.page).getByText('«Famiglie fragili» è tornata sulla lavagna.').waitFor()

    for (const page of [anna, carlo]) {
      await page.card('Famiglie fragili').waitFor()
      await expect.poll(() => page.page.locator('.react-flow__edge').count()).toBe(2)
    }
    await expect.poll(() => panel(carlo.page).locator('.history-bin-entry').count()).toBe(0)
    // the activity says where the card came from
    await openHistory(carlo.page, 'Attività')
    const back = panel(carlo.page).locator('.history-entry').first()
    await expect.poll(() => back.textContent()).toContain('Ha ripristinato dal cestino')
    expect(await back.textContent()).toContain('ha riportato scheda problema: Famiglie fragili')
    await screenshot(carlo.page, 'history-activity-restore')
    await openHistory(carlo.page, 'Cestino')
    // the bin Carlo keeps open shows what Anna deletes next, without «Aggiorna»
    await anna.card('Pochi servizi').click()
    await anna.page.keyboard.press('Delete')
    await panel(carlo.page)
      .locator('.history-bin-entry', { hasText: 'Pochi servizi' })
      .waitFor({ timeout: 10_000 })
  })

  it('every role downloads a version as JSON, named by its name or else its date and time', async () => {
    const board = await createBoard(suite.server.url, 'Patto Val Brembana')
    await seedTree(board.id, board.keys.participant, ['Pochi trasporti', 'Orari rigidi'])
    type Listed = { id: number; at: number; name: string | null }
    const versions = async () =>
      (await api(suite.server.url, 'GET', `/api/boards/${board.id}/versions`, board.keys.viewer))
        .body.versions as Listed[]
    // the state before the first change is a version with no name
    let first: Listed | undefined
    await waitFor(
      async () => !!(first = (await versions()).find((v) => v.name === null)),
      'initial',
    )
    const named = await api(
      suite.server.url,
      'POST',
      `/api/boards/${board.id}/versions`,
      board.keys.facilitator,
      { name: 'Fine laboratorio' },
    )
    expect(named.status).toBe(201)
    /** The moment as a reader in Rome reads it: 2026-12-04-1130. */
    const inRome = new Date(first!.at)
      .toLocaleString('sv-SE', { timeZone: 'Europe/Rome' })
      .replace(' ', '-')
      .replace(/:/g, '')
      .slice(0, 15)

    for (const [link, name] of [
      [board.links.facilitator, 'Giulia'],
      [board.links.participant, 'Bruno'],
      [board.links.viewer, 'Proiettore'],
    ] as const) {
      const { page } = await newParticipant(suite.browser, name, 'it', {
        timezoneId: 'Europe/Rome',
      })
      const person = boardPage(page)
      await person.open(link)
      await person.card('Orari rigidi').waitFor()
      await openHistory(page, 'Versioni')
      const version = (id: number) => panel(page).locator(`.history-version[data-version="${id}"]`)
      const download = async (id: number) => {
        const link = version(id).getByRole('link', { name: /^Scarica \(JSON\)/ })
        const [file] = await Promise.all([page.waitForEvent('download'), link.click()])
        return file
      }
      const saved = await download(named.body.id)
      expect(saved.suggestedFilename()).toBe('patto-val-brembana-fine-laboratorio.json')
      const json = JSON.parse(readFileSync((await saved.path())!, 'utf8'))
      expect(json.format).toBe('trama.board')
      expect(json.title).toBe('Patto Val Brembana')
      expect(json.canvases.problems.nodes.map((n: { label: string }) => n.label).sort()).toEqual([
        'Orari rigidi',
        'Pochi trasporti',
      ])
      const unnamed = await download(first!.id)
      expect(unnamed.suggestedFilename()).toBe(`patto-val-brembana-versione-${inRome}.json`)
      await screenshot(page, `history-version-download-${name}`)
    }
  })
})
