import { describe, expect, it } from 'vitest'
import { screenshot } from '../helpers/browser.ts'
import { exportJson } from '../helpers/server.ts'
import { browserSuite } from '../helpers/suite.ts'
import { connectSynced } from '../helpers/clients.ts'
import { ROOM_ROOT, deleteCard } from '../../shared/schema/index.ts'
import { api } from '../helpers/history.ts'
import { addMember, participants, type Json } from '../helpers/pactPage.ts'

const suite = browserSuite()

describe('the Patto phase: what several people write at once', () => {
  it('the vision written by two people at the same time keeps both texts', async () => {
    const { alice, bruno } = await participants(suite, 'Patto Val Seriana')
    await alice.openView('vision')
    await bruno.openView('vision')
    const aliceField = alice.page.locator('textarea[data-field=vision]')
    const brunoField = bruno.page.locator('textarea[data-field=vision]')
    await aliceField.click()
    await alice.page.keyboard.type('Nella valle. ')
    await expect.poll(() => brunoField.inputValue()).toBe('Nella valle. ')

    // Alice writes at the end while Bruno writes at the start, at the same time
    await brunoField.click()
    await bruno.page.keyboard.press('Control+Home')
    const aliceWords = 'Ogni persona fragile trova un percorso di lavoro.'
    const brunoWords = 'Entro il 2030, insieme: '
    await Promise.all([
      alice.page.keyboard.type(aliceWords, { delay: 15 }),
      bruno.page.keyboard.type(brunoWords, { delay: 15 }),
    ])
    const expected = `${brunoWords}Nella valle. ${aliceWords}`
    await expect.poll(() => aliceField.inputValue()).toBe(expected)
    await expect.poll(() => brunoField.inputValue()).toBe(expected)

    // the frame of the pact: territory and horizon, validated
    await aliceField.press('Enter')
    const territory = alice.page.locator('[data-field=territory]')
    await territory.fill('Val Seriana')
    await territory.press('Enter')
    await alice.page.locator('input[data-field=horizonFrom]').fill('2027')
    await alice.page.locator('input[data-field=horizonFrom]').press('Enter')
    // Enter goes on to the next year, not to the page's body
    await alice.page.locator('input[data-field=horizonTo]:focus').waitFor()
    await alice.page.locator('input[data-field=horizonTo]').fill('2030')
    await alice.page.locator('input[data-field=horizonTo]').press('Enter')
    await expect
      .poll(() => bruno.page.locator('[data-field=territory]').inputValue())
      .toBe('Val Seriana')
    await expect
      .poll(() => bruno.page.locator('input[data-field=horizonTo]').inputValue())
      .toBe('2030')
    // a first year after the last is refused with a message, and the stored year stays
    await bruno.page.locator('input[data-field=horizonFrom]').fill('2031')
    await bruno.page.locator('input[data-field=horizonFrom]').press('Enter')
    await bruno.page.locator('.pact-error[role=alert]').waitFor()
    expect(await bruno.page.locator('input[data-field=horizonFrom]').inputValue()).toBe('2027')
    expect(
      await bruno.page.locator('input[data-field=horizonFrom]').getAttribute('aria-invalid'),
    ).toBe('true')
    // refused, the year keeps the keyboard, beside its message
    await bruno.page.locator('input[data-field=horizonFrom]:focus').waitFor()
    // a whole year reaches the others while its writer is still in the field
    await alice.page.locator('input[data-field=horizonTo]').click()
    await alice.page.locator('input[data-field=horizonTo]').press('Control+a')
    await alice.page.keyboard.type('2029')
    await expect
      .poll(() => bruno.page.locator('input[data-field=horizonTo]').inputValue())
      .toBe('2029')
    expect(
      await alice.page
        .locator('input[data-field=horizonTo]')
        .evaluate((el) => el === document.activeElement),
    ).toBe(true)
    // the chosen strategy and its objectives stand beside the vision
    expect(await bruno.page.locator('[data-testid=pact-strategy]').innerText()).toBe(
      'Rete di orientamento',
    )
    await screenshot(bruno.page, 'pact-vision')
  })

  it('a field someone only clicked into follows the others, and leaving it writes nothing over their newer value', async () => {
    const { alice, bruno } = await participants(suite, 'Campi toccati')
    await alice.openView('vision')
    await bruno.openView('vision')
    const year = (p: typeof alice) => p.page.locator('input[data-field=horizonFrom]')
    await year(alice).fill('2027')
    await year(alice).press('Enter')
    await expect.poll(() => year(bruno).inputValue()).toBe('2027')
    // Bruno clicks into the year and types nothing; Alice changes it meanwhile
    await year(bruno).click()
    await year(alice).fill('2028')
    await year(alice).press('Enter')
    await expect.poll(() => year(bruno).inputValue()).toBe('2028')
    expect(await year(bruno).evaluate((el) => el === document.activeElement)).toBe(true)
    await bruno.page.keyboard.press('Tab')
    // what Bruno writes next reaches Alice after anything his leaving the field wrote
    const territory = (p: typeof alice) => p.page.locator('[data-field=territory]')
    await territory(bruno).fill('Val Seriana')
    await territory(bruno).press('Enter')
    await expect.poll(() => territory(alice).inputValue()).toBe('Val Seriana')
    expect(await year(alice).inputValue()).toBe('2028')

    // the same with an amount of the ledger
    await alice.openView('commitments')
    await bruno.openView('commitments')
    await alice.commit('Comune di Clusone', '120', 'ore')
    const amount = (p: typeof alice) =>
      p.ledger.locator('tbody tr[data-actor-id=a1] input[data-field=amount]')
    await expect.poll(() => amount(bruno).inputValue()).toBe('120')
    await amount(bruno).click()
    await amount(alice).fill('200')
    await amount(alice).press('Enter')
    await expect.poll(() => amount(bruno).inputValue()).toBe('200')
    // Enter went on to the unit beside it: the words typed next go there, not nowhere
    await expect
      .poll(() => alice.page.evaluate(() => document.activeElement?.getAttribute('data-field')))
      .toBe('unit')
    await bruno.page.keyboard.press('Tab')
    const unit = (p: typeof alice) =>
      p.ledger.locator('tbody tr[data-actor-id=a1] [data-field=unit]')
    await unit(bruno).fill('ore di tutor')
    await unit(bruno).press('Enter')
    await expect.poll(() => unit(alice).inputValue()).toBe('ore di tutor')
    expect(await amount(alice).inputValue()).toBe('200')
  })

  it('a year or an amount being typed is kept when the view changes under it (following someone)', async () => {
    const { alice, bruno } = await participants(suite, 'Campi lasciati')
    await alice.openView('commitments')
    await alice.commit('Comune di Clusone', '120', 'ore')
    await alice.openView('vision')
    await bruno.openView('vision')
    await bruno.page.getByRole('button', { name: 'Segui…' }).click()
    await bruno.page.getByRole('button', { name: 'Segui Alice' }).click()
    await bruno.page.locator('[data-testid=follow-bar][data-state=following]').waitFor()
    // Bruno types a year and, before he leaves the field, Alice opens another view: his follows
    const year = bruno.page.locator('input[data-field=horizonTo]')
    await year.click()
    await bruno.page.keyboard.type('2030')
    await alice.page.locator('#pact-tab-commitments').click()
    await bruno.page.locator('#pact-tab-commitments[aria-selected=true]').waitFor()
    await alice.page.locator('#pact-tab-vision').click()
    await expect
      .poll(() => alice.page.locator('input[data-field=horizonTo]').inputValue())
      .toBe('2030')
    // the same with an amount of the ledger
    await bruno.page.locator('#pact-tab-vision[aria-selected=true]').waitFor()
    await alice.page.locator('#pact-tab-commitments').click()
    const amount = (p: typeof alice) =>
      p.ledger.locator('tbody tr[data-actor-id=a1] input[data-field=amount]')
    await expect.poll(() => amount(bruno).inputValue()).toBe('120')
    await amount(bruno).click()
    await bruno.page.keyboard.press('Control+A')
    await bruno.page.keyboard.type('150')
    await alice.page.locator('#pact-tab-governance').click()
    await bruno.page.locator('#pact-tab-governance[aria-selected=true]').waitFor()
    await alice.page.locator('#pact-tab-commitments').click()
    await expect.poll(() => amount(alice).inputValue()).toBe('150')
  })

  it('members two people add to one body at the same moment are all kept', async () => {
    const { board, alice, bruno } = await participants(suite, 'Patto a più mani')
    await alice.openView('governance')
    await bruno.openView('governance')
    await alice.page.locator('button[data-suggested=steering]').click()
    const bodyOf = (p: typeof alice) => p.page.locator('.gov-body[data-label="Cabina di regia"]')
    await bodyOf(bruno).waitFor()
    // Bruno's Wi-Fi drops while he adds the Comune; meanwhile Alice adds the cooperative.
    // Chromium's network emulation leaves open sockets alone: the test fires the events the OS
    // would, and the page goes offline.
    const context = bruno.page.context()
    await context.setOffline(true)
    await bruno.page.evaluate(() => window.dispatchEvent(new Event('offline')))
    await bruno.page.locator('[data-testid=connection][data-state=offline]').waitFor()
    await addMember(bodyOf(bruno), 'Comune di Clusone')
    await addMember(bodyOf(alice), 'Cooperativa Il Ponte')
    await expect
      .poll(async () => {
        const pact = (await exportJson(suite.server.url, board.id, board.keys.viewer)).pact as Json
        return pact.bodies[0]?.members
      })
      .toEqual(['a2'])
    // back online: both additions are there, for both of them and in the export
    await context.setOffline(false)
    await bruno.page.evaluate(() => window.dispatchEvent(new Event('online')))
    for (const p of [alice, bruno])
      await expect
        .poll(() =>
          bodyOf(p)
            .locator('.gov-members li[data-actor-id]')
            .evaluateAll((els) => els.map((e) => e.getAttribute('data-actor-id')).sort()),
        )
        .toEqual(['a1', 'a2'])
    await expect
      .poll(async () => {
        const pact = (await exportJson(suite.server.url, board.id, board.keys.viewer)).pact as Json
        return [...pact.bodies[0].members].sort()
      })
      .toEqual(['a1', 'a2'])
  })

  it('a menu of actors open while someone else adds them: the focus stays in the card, not on the page', async () => {
    const { board, alice, bruno } = await participants(suite, 'Patto a due tastiere')
    await alice.openView('governance')
    await bruno.openView('governance')
    await alice.page.locator('button[data-suggested=steering]').click()
    const bodyOf = (p: typeof alice) => p.page.locator('.gov-body[data-label="Cabina di regia"]')
    const members = (p: typeof alice) =>
      bodyOf(p)
        .locator('.gov-members li[data-actor-id]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-actor-id')).sort())
    await addMember(bodyOf(alice), 'Comune di Clusone')
    await expect.poll(() => members(bruno)).toEqual(['a1'])
    const focused = () =>
      alice.page.evaluate(() => {
        const el = document.activeElement
        if (!el || el === document.body) return 'body'
        return el.getAttribute('role') === 'menuitem'
          ? (el as HTMLElement).innerText.trim()
          : (el.getAttribute('data-field') ?? el.className)
      })
    // Alice opens the menu with the keyboard, on its first actor
    await bodyOf(alice).locator('button.gov-add-member').focus()
    await alice.page.keyboard.press('ArrowDown')
    await expect.poll(focused).toBe('Cooperativa Il Ponte')
    // Bruno adds that very actor: it leaves Alice's menu, her focus goes to the one left
    await addMember(bodyOf(bruno), 'Cooperativa Il Ponte')
    await expect
      .poll(() => bodyOf(alice).getByRole('menuitem').allInnerTexts())
      .toEqual(['Impresa Rossi'])
    await expect.poll(focused).toBe('Impresa Rossi')
    // and the last one: the menu goes, the line says all are members, the focus goes on to the
    // lead, as when she adds the last one herself
    await addMember(bodyOf(bruno), 'Impresa Rossi')
    await bodyOf(alice).getByTestId('all-members').waitFor()
    await expect.poll(focused).toBe('lead')
    expect(await members(alice)).toEqual(['a1', 'a2', 'a3'])
    // Enter where the focus landed adds or removes nobody
    await alice.page.keyboard.press('Enter')
    await expect
      .poll(async () => {
        const pact = (await exportJson(suite.server.url, board.id, board.keys.viewer)).pact as Json
        return [...pact.bodies[0].members].sort()
      })
      .toEqual(['a1', 'a2', 'a3'])
    expect(await members(alice)).toEqual(['a1', 'a2', 'a3'])
  })

  it('with the pact locked, its last rows scroll clear of the banner at the foot', async () => {
    const { board, alice } = await participants(suite, 'Patto bloccato')
    await alice.openView('commitments')
    const control = await connectSynced(suite.server.url, board.id, board.keys.facilitator)
    try {
      control.doc.getMap(ROOM_ROOT).set('locks', ['pact'])
      const banner = alice.page.getByTestId('room-locked')
      await banner.waitFor()
      // to the end of the view: the last table's last row above the banner, readable
      const body = alice.page.locator('.pact-body')
      await body.evaluate((el) => el.scrollTo(0, el.scrollHeight))
      const last = alice.page.locator('.adhesions tr').last()
      await expect
        .poll(async () => {
          const row = (await last.boundingBox())!
          const foot = (await banner.boundingBox())!
          return row.y + row.height <= foot.y
        })
        .toBe(true)
      await screenshot(alice.page, 'pact-locked-foot')
    } finally {
      control.destroy()
    }
  })
  it('an actor deleted on the map takes its commitments off the ledger, as off the exports, and brings them back from the bin', async () => {
    const { board, alice } = await participants(suite, 'Attore eliminato')
    await alice.openView('commitments')
    await alice.commit('Impresa Rossi', '120', 'ore')
    await alice.commit('Comune di Clusone', '5000', '€', 'money')
    const count = alice.page.getByTestId('ledger-count')
    // someone on the stakeholder map deletes Impresa Rossi
    const other = await connectSynced(suite.server.url, board.id, board.keys.participant)
    try {
      deleteCard(other.doc, 'stakeholders', 'a3')
      // the ledger shows what the JSON, the pact's document and the CSV take home: one commitment
      await expect.poll(() => alice.rows().count()).toBe(1)
      expect(await alice.rows().locator('select[data-field=actor]').inputValue()).toBe('a1')
      await expect.poll(() => count.innerText()).toBe('1 impegno')
      const exported = await exportJson(suite.server.url, board.id, board.keys.facilitator)
      expect((exported.pact as Json).commitments.map((c: Json) => c.actor)).toEqual(['a1'])
      // the bin lists the actor; bringing it back brings its commitment back too
      const bin = await api(
        suite.server.url,
        'GET',
        `/api/boards/${board.id}/bin`,
        board.keys.participant,
      )
      const entry = bin.body.bin.find((e: Json) => e.recordId === 'a3')
      const back = await api(
        suite.server.url,
        'POST',
        `/api/boards/${board.id}/bin/${entry.id}/restore`,
        board.keys.participant,
        {},
      )
      expect(back.status).toBe(200)
      await expect.poll(() => alice.rows().count()).toBe(2)
      await expect.poll(() => alice.actorTotal('a3')).toBe('120 ore')
    } finally {
      other.destroy()
    }
  })
})
