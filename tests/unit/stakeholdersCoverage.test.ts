import { describe, expect, it } from 'vitest'
import { coverageMatrix } from '../../shared/stakeholders/coverage.ts'

const objectives = [
  { id: 'o1', label: 'Più tirocini per i NEET', status: 'reworded' },
  { id: 'o2', label: 'Rete dei servizi integrata', status: 'added' },
  { id: 'o3', label: 'Obiettivo irrealistico', status: 'discarded' },
  { id: 'o4', label: 'Orientamento nelle scuole', status: 'to-reword' },
]

describe('actors × objectives coverage', () => {
  it('marks who contributes to what, discarded objectives left out', () => {
    const actors = [
      { id: 'a', label: 'Comune', objectives: ['o1', 'o2'] },
      { id: 'b', label: 'Cooperativa', objectives: ['o2'] },
      { id: 'c', label: 'Parrocchia' },
    ]
    const m = coverageMatrix(actors, objectives)
    expect(m.objectives.map((o) => o.id)).toEqual(['o1', 'o2', 'o4'])
    expect(m.cells).toEqual([
      [true, true, false],
      [false, true, false],
      [false, false, false],
    ])
    expect(m.contributors.get('o2')).toEqual(['a', 'b'])
    expect(m.contributors.has('o3')).toBe(false)
  })

  it('highlights objectives nobody covers and actors with no objective', () => {
    const actors = [
      { id: 'a', label: 'Comune', objectives: ['o1'] },
      // linked only to a discarded objective and a deleted one: no task left
      { id: 'b', label: 'Banca', objectives: ['o3', 'gone'] },
      { id: 'c', label: 'Parrocchia', objectives: [] },
    ]
    const m = coverageMatrix(actors, objectives)
    expect(m.uncoveredObjectives).toEqual(['o2', 'o4'])
    expect(m.actorsWithoutObjective).toEqual(['b', 'c'])
  })

  it('works with no actors or no objectives', () => {
    expect(coverageMatrix([], objectives).uncoveredObjectives).toEqual(['o1', 'o2', 'o4'])
    const m = coverageMatrix([{ id: 'a', label: 'Comune', objectives: ['o1'] }], [])
    expect(m.cells).toEqual([[]])
    expect(m.actorsWithoutObjective).toEqual(['a'])
  })
})
