import { browserSuite } from '../helpers/suite.ts'
import { describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import QRCode from 'qrcode'
import { ARTIFACTS, screenshot } from '../helpers/browser.ts'
import { pactBoard } from '../helpers/pactBoard.ts'
import { createButton, createOnPage, homePages, titleInput } from '../helpers/homePage.ts'

const suite = browserSuite()
const openHome = homePages(suite)

describe('home page', () => {
  it('creates a board and shows its links, QR code and way in', async () => {
    const { context, page, errors, creations } = await openHome()
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: suite.server.url,
    })
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Trama')
    await page.getByRole('heading', { name: 'Crea una nuova lavagna' }).waitFor()
    await page.getByText('Nessuna lavagna, per ora.').waitFor()

    const id = await createOnPage(page, '  Patto Territoriale Valle Seriana  ')
    expect(creations).toEqual([JSON.stringify({ title: 'Patto Territoriale Valle Seriana' })])
    expect((await suite.server.store.getBoard(id))?.title).toBe('Patto Territoriale Valle Seriana')
    await page
      .getByRole('heading', { name: 'La lavagna «Patto Territoriale Valle Seriana» è pronta' })
      .waitFor()
    await page.getByRole('status').getByText('creata').waitFor()

    const links: Record<string, string> = {}
    for (const [role, label] of [
      ['facilitator', 'Facilitatore'],
      ['participant', 'Partecipanti'],
      ['viewer', 'Proiettore / sola lettura'],
    ] as const) {
      const input = page.getByLabel(label, { exact: true })
      expect(await input.getAttribute('readonly')).not.toBeNull()
      links[role] = await input.inputValue()
      expect(links[role]).toContain(`${suite.server.url}/b/${id}#key=`)
    }
    expect(new Set(Object.values(links)).size).toBe(3)
    // links only this computer can open: the warning names the address they use
    const host = new URL(suite.server.url).hostname
    expect(await page.locator('.links-warning').innerText()).toContain(`«${host}»`)
    const facilitatorKey = links.facilitator!.split('#key=')[1]!
    const open = page.getByRole('link', { name: 'Apri come facilitatore' })
    expect(await open.getAttribute('href')).toBe(`/b/${id}#key=${facilitatorKey}`)

    // The QR code is the participant link, large enough to scan.
    const qr = page.getByRole('img', { name: 'Codice QR del link per i partecipanti' })
    const box = await qr.locator('svg').boundingBox()
    expect(box!.width).toBeGreaterThanOrEqual(200)
    expect(box!.height).toBeGreaterThanOrEqual(200)
    const expected = await QRCode.toString(links.participant!, {
      type: 'svg',
      margin: 1,
      errorCorrectionLevel: 'M',
    })
    const modules = (svg: string) => /stroke="#000000" d="([^"]+)"/.exec(svg)?.[1]
    expect(modules(await qr.innerHTML())).toBe(modules(expected))
    expect(modules(expected)).toBeTruthy()

    // Copy: the button says "Copiato" and the clipboard holds the link.
    const copy = page.getByRole('button', { name: 'Copia — Partecipanti' })
    await copy.click()
    await page.getByRole('button', { name: 'Copiato — Partecipanti' }).waitFor()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(links.participant)

    await page.evaluate(() => window.scrollTo(0, 0))
    await screenshot(page, 'home')
    await page.screenshot({ path: join(ARTIFACTS, 'home-full-page.png'), fullPage: true })

    // Full-screen QR for the projector, closed with its button.
    await page.getByRole('button', { name: 'QR a schermo intero' }).click()
    const dialog = page.getByRole('dialog', { name: 'Inquadra il codice per partecipare' })
    await dialog.waitFor()
    const big = await dialog.getByRole('img').locator('svg').boundingBox()
    expect(big!.height).toBeGreaterThan(500)
    await screenshot(page, 'home-qr-full')
    await dialog.getByRole('button', { name: 'Chiudi' }).click()
    await dialog.waitFor({ state: 'hidden' })

    // "Le tue lavagne" keeps it after a reload, as facilitator.
    await page.reload()
    const entry = page.locator(`.recent__item[data-board-id="${id}"]`)
    await entry.waitFor()
    expect(await entry.getByRole('heading').textContent()).toBe('Patto Territoriale Valle Seriana')
    expect(await entry.getByText('Facilitatore').count()).toBe(1)
    await entry.getByText(/Aperta il/).waitFor()
    const openLink = entry.getByRole('link', { name: 'Apri «Patto Territoriale Valle Seriana»' })
    expect(await openLink.getAttribute('href')).toBe(`/b/${id}#key=${facilitatorKey}`)

    await entry
      .getByRole('button', { name: 'Rimuovi «Patto Territoriale Valle Seriana» dall’elenco' })
      .click()
    await entry.waitFor({ state: 'detached' })
    await page.getByText('Nessuna lavagna, per ora.').waitFor()
    expect(await page.evaluate(() => localStorage.getItem('trama.recentBoards'))).toBe('[]')
    expect(errors).toEqual([])
  })

  it('reopens a board from its JSON export as a new board, and says why a file is refused', async () => {
    const { page, errors } = await openHome()
    const dir = mkdtempSync(join(tmpdir(), 'trama-import-'))
    const pick = page.getByTestId('import-file')
    const refused = page.getByRole('alert').filter({ hasText: 'Non è stato possibile importare' })

    const other = join(dir, 'non-una-lavagna.json')
    writeFileSync(other, JSON.stringify({ hello: 'world' }))
    await pick.setInputFiles(other)
    await refused.waitFor()
    expect(await refused.textContent()).toContain(
      'Il file non è un’esportazione di una lavagna Trama.',
    )
    // it names the file, and the details about a file that is no export at all are not shown
    expect(await refused.textContent()).toContain('importare «non-una-lavagna.json»')
    expect(await refused.textContent()).not.toMatch(/Input non valido|Invalid input|Dettagli/)
    // nor is a list called an export whose fields are wrong
    const list = join(dir, 'lista.json')
    writeFileSync(list, '[]')
    await pick.setInputFiles(list)
    await refused.filter({ hasText: '«lista.json»' }).waitFor()
    expect(await refused.textContent()).toContain(
      'Il file non è un’esportazione di una lavagna Trama.',
    )

    // a real export with one card's text over the limit: the page names the field and the limit
    const tooLong = pactBoard(2)
    tooLong.canvases.problems.nodes[0]!.label = 'x'.repeat(2001)
    const longFile = join(dir, 'testo-lungo.json')
    writeFileSync(longFile, JSON.stringify(tooLong))
    await pick.setInputFiles(longFile)
    await refused.filter({ hasText: 'alcuni dati non sono validi' }).waitFor()
    expect(await refused.textContent()).not.toContain('non è un’esportazione')
    expect(await refused.textContent()).toMatch(
      /canvases\.problems\.nodes\.0\.label \(id «[^»]+», «x+…»\): .*2000/,
    )
    // in the page's language, in plain words
    expect(await refused.textContent()).toContain('testo troppo lungo: al massimo 2000 caratteri')
    expect(await refused.textContent()).not.toMatch(/Too big|Invalid input/)

    // a link to a card the file does not hold: no limit broken, and the page does not say one was
    const dangling = pactBoard(2)
    dangling.canvases.problems.edges[0]!.target = 'nessuna'
    const danglingFile = join(dir, 'collegamento.json')
    writeFileSync(danglingFile, JSON.stringify(dangling))
    await pick.setInputFiles(danglingFile)
    await refused.filter({ hasText: '«collegamento.json»' }).waitFor()
    expect(await refused.textContent()).toContain('alcuni dati non sono validi')
    expect(await refused.textContent()).toContain('rimanda a «nessuna»')
    expect(await refused.textContent()).not.toContain('limiti')

    const exported = pactBoard(2)
    // the board it was exported from, made in this browser: in «Le tue lavagne» already
    await page.evaluate(
      (title) =>
        localStorage.setItem(
          'trama.recentBoards',
          JSON.stringify([
            {
              id: 'original1',
              title,
              role: 'facilitator',
              key: 'k'.repeat(32),
              openedAt: new Date(Date.UTC(2026, 0, 5, 9)).toISOString(),
            },
          ]),
        ),
      exported.title,
    )
    const file = join(dir, 'patto.json')
    writeFileSync(file, JSON.stringify(exported))
    await pick.setInputFiles(file)
    await page.getByRole('heading', { name: `La lavagna «${exported.title}» è pronta` }).waitFor()
    // and what is announced says it was brought in, not made
    await expect
      .poll(() => page.getByTestId('home-status').textContent())
      .toBe(`Lavagna «${exported.title}» importata.`)
    expect(await refused.count()).toBe(0)
    const id = (await page.locator('section.result').getAttribute('data-board-id'))!
    expect((await suite.server.store.getBoard(id))?.title).toBe(exported.title)
    // it is a board like any other, listed with the boards this browser made, its title kept;
    // beside the original it says it is the copy, and when it was brought in
    const copy = page.locator(`.recent__item[data-board-id="${id}"]`)
    const original = page.locator('.recent__item[data-board-id="original1"]')
    await copy.waitFor()
    expect(await copy.getByRole('heading').textContent()).toBe(exported.title)
    expect(await original.getByRole('heading').textContent()).toBe(exported.title)
    const today = new Intl.DateTimeFormat('it', { dateStyle: 'medium' }).format(new Date())
    await copy.getByText(`Copia importata il ${today}`).waitFor()
    expect(await original.getByText(/Copia importata/).count()).toBe(0)
    // who hears the list is told too: the copy's «Apri» says it
    const open = copy.getByRole('link', { name: `Apri «${exported.title}»` })
    const note = (await open.getAttribute('aria-describedby'))!
    expect(await page.locator(`[id="${note}"]`).textContent()).toBe(
      await copy.getByText(/Copia importata/).textContent(),
    )
    await page.setViewportSize({ width: 1366, height: 768 })
    await original.scrollIntoViewIfNeeded()
    await screenshot(page, 'home-imported-copy')
    expect(errors).toEqual([])
  })

  it('copies by selecting the link where there is no Clipboard API (plain http on a LAN)', async () => {
    const { context, page, errors } = await openHome()
    await context.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }),
    )
    await page.reload()
    expect(await page.evaluate(() => navigator.clipboard)).toBeUndefined()
    await createOnPage(page, 'Patto senza appunti')
    // Record what is selected when the copy happens (the fallback selects the input).
    await page.evaluate(() => {
      const w = window as unknown as { copied: string[] }
      w.copied = []
      document.addEventListener('copy', () => {
        const el = document.activeElement as HTMLInputElement
        w.copied.push(el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0))
      })
    })
    await page.getByRole('button', { name: 'Copia — Proiettore / sola lettura' }).click()
    await page.getByRole('button', { name: 'Copiato — Proiettore / sola lettura' }).waitFor()
    const viewer = await page.getByLabel('Proiettore / sola lettura', { exact: true }).inputValue()
    expect(viewer).toContain('#key=')
    expect(await page.evaluate(() => (window as unknown as { copied: string[] }).copied)).toEqual([
      viewer,
    ])
    expect(errors).toEqual([])
  })

  it('validates the title without asking the server', async () => {
    const { page, errors, creations } = await openHome()
    await createButton(page).click()
    const message = page.getByRole('alert').getByText('Inserisci un titolo per la lavagna.')
    await message.waitFor()
    expect(await titleInput(page).getAttribute('aria-invalid')).toBe('true')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('title')

    await titleInput(page).fill('   ')
    await titleInput(page).press('Enter')
    await message.waitFor()

    await titleInput(page).fill('x'.repeat(201))
    await createButton(page).click()
    await page.getByText('Il titolo può avere al massimo 200 caratteri (ora sono 201).').waitFor()
    await page.waitForTimeout(200)
    expect(creations).toEqual([])

    // Fixing the title clears the message.
    await titleInput(page).fill('Patto')
    expect(await page.getByRole('alert').count()).toBe(0)
    expect(await titleInput(page).getAttribute('aria-invalid')).toBeNull()
    expect(errors).toEqual([])
  })

  it('disables the button while creating and shows server errors with details', async () => {
    const { page } = await openHome()
    let answer: () => void = () => {}
    await page.route('**/api/boards', async (route) => {
      await new Promise<void>((resolve) => (answer = resolve))
      await route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({
          error: {
            code: 'BAD_REQUEST',
            message: 'The request is not valid.',
            details: ['title: title is at most 200 characters'],
          },
        }),
      })
    })
    await titleInput(page).fill('Patto')
    await createButton(page).click()
    const busy = page.getByRole('button', { name: 'Creazione in corso…' })
    await busy.waitFor()
    expect(await busy.isDisabled()).toBe(true)
    answer()
    const alert = page.getByRole('alert')
    await alert.getByText('La richiesta non è valida.').waitFor()
    await alert.getByText('title: title is at most 200 characters').waitFor()
    expect(await createButton(page).isEnabled()).toBe(true)
    expect(await titleInput(page).inputValue()).toBe('Patto')
  })
  it('reads the stored list defensively: bad entries dropped, at most 30, newest first', async () => {
    const { page, errors } = await openHome()
    const entries = Array.from({ length: 35 }, (_, i) => ({
      id: `board${String(i).padStart(4, '0')}`,
      title: `Lavagna ${i}`,
      role: i % 2 ? 'participant' : 'viewer',
      key: 'k'.repeat(32),
      openedAt: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString(),
    }))
    const junk = [null, 42, { id: 'x' }, { ...entries[0], role: 'admin', id: 'badrole00' }]
    await page.evaluate(
      (v) => localStorage.setItem('trama.recentBoards', v),
      JSON.stringify([...junk, ...entries]),
    )
    await page.reload()
    const items = page.locator('.recent__item')
    await items.first().waitFor()
    expect(await items.count()).toBe(30)
    expect(await items.first().getByRole('heading').textContent()).toBe('Lavagna 34')
    expect(await items.last().getByRole('heading').textContent()).toBe('Lavagna 5')
    expect(await page.locator('[data-board-id="badrole00"]').count()).toBe(0)

    await page.evaluate(() => localStorage.setItem('trama.recentBoards', '{not json'))
    await page.reload()
    await page.getByText('Nessuna lavagna, per ora.').waitFor()
    expect(errors).toEqual([])
  })
})
