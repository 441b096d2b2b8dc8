import { describe, expect, it } from 'vitest'
import { gridTable, registerTable } from '../../shared/document/tables.ts'
import { pactBoard } from '../helpers/pactBoard.ts'

/** The pact board with one more actor, added on the page and never placed on the grid. */
function boardWithTray() {
  const board = pactBoard(2)
  board.canvases.stakeholders.nodes.push({
    id: 'a3',
    kind: 'actor',
    label: 'Caritas diocesana',
    x: 600,
    y: 0,
    category: 'third-sector',
    power: 0.5,
    interest: 0.5,
    stance: 'neutral',
    desiredStance: 'neutral',
    placed: false,
  } as (typeof board.canvases.stakeholders.nodes)[number])
  return board
}

describe('the pact document’s stakeholder tables', () => {
  it('an actor nobody placed has no power or interest in the register, and sits in no quadrant', () => {
    const board = boardWithTray()
    const register = registerTable(board, 'it')
    const caritas = register.rows.find((r) => r[0] === 'Caritas diocesana')!
    expect(caritas.slice(3, 5)).toEqual(['—', '—'])
    const albino = register.rows.find((r) => r[0] === 'Comune di Albino')!
    expect(albino.slice(3, 5)).toEqual(['30', '20'])
    const grid = gridTable(board, 'it')
    expect(grid.rows.filter((r) => r[1]!.includes('Caritas diocesana'))).toEqual([
      ['Da collocare', 'Caritas diocesana'],
    ])
    expect(grid.rows.map((r) => r[0])).toEqual([
      'Gestire da vicino',
      'Mantenere soddisfatti',
      'Tenere informati',
      'Monitorare',
      'Da collocare',
    ])
  })

  it('without actors in the tray, the grid table has the four quadrants only', () => {
    expect(gridTable(pactBoard(2), 'it').rows).toHaveLength(4)
  })
})
