import { describe, expect, it } from 'vitest'
import {
  hasScoredAll,
  branchTops,
  objectiveBranch,
  objectiveGraph,
  rankCandidates,
  sameObjectives,
  scoreId,
  type Score,
  type TreeLink,
  type TreeObjective,
} from '../../shared/method/strategy.ts'
import {
  builtInCriterionKey,
  moveCriterion,
  nextCriterionOrder,
  readCandidates,
  readCriteria,
  readScores,
} from '../../shared/method/strategyRecords.ts'
import { DEFAULT_CRITERIA } from '../../shared/schema/vocabulary.ts'

const objective = (id: string, x = 0, status = 'reworded'): TreeObjective => ({
  id,
  label: `Obiettivo ${id}`,
  status,
  x,
})
const meansEnd = (means: string, end: string): TreeLink => ({
  source: means,
  target: end,
  kind: 'means-end',
})

/**
 *            goal
 *           /    \
 *        jobs    care
 *       /  |  \      \
 *   guide train dropped  homes
 *          |      |
 *        tutor  orphan
 */
const tree = () =>
  objectiveGraph(
    [
      objective('goal'),
      objective('jobs', -100),
      objective('care', 100),
      objective('guide', -200),
      objective('train', -50),
      objective('dropped', 0, 'discarded'),
      objective('homes', 200),
      objective('tutor', -50),
      objective('orphan'),
    ],
    [
      meansEnd('jobs', 'goal'),
      meansEnd('care', 'goal'),
      meansEnd('train', 'jobs'),
      meansEnd('guide', 'jobs'),
      meansEnd('dropped', 'jobs'),
      meansEnd('homes', 'care'),
      meansEnd('tutor', 'train'),
      meansEnd('orphan', 'dropped'),
      { source: 'guide', target: 'care', kind: 'cause-effect' },
    ],
  )

describe('the branch of an objective', () => {
  it('is the objective and all its means, recursively, top first', () => {
    expect(objectiveBranch(tree(), 'jobs')).toEqual(['jobs', 'guide', 'train', 'tutor'])
    expect(objectiveBranch(tree(), 'goal')).toEqual([
      'goal',
      'jobs',
      'care',
      'guide',
      'train',
      'homes',
      'tutor',
    ])
  })

  it('leaves out discarded objectives and what only they lead to', () => {
    const branch = objectiveBranch(tree(), 'jobs')
    expect(branch).not.toContain('dropped')
    expect(branch).not.toContain('orphan')
    expect(objectiveBranch(tree(), 'dropped')).toEqual([])
  })

  it('follows only means-end links and survives cycles', () => {
    expect(objectiveBranch(tree(), 'care')).toEqual(['care', 'homes'])
    const cyclic = objectiveGraph(
      [objective('a'), objective('b'), objective('c')],
      [meansEnd('b', 'a'), meansEnd('c', 'b'), meansEnd('a', 'c')],
    )
    expect(objectiveBranch(cyclic, 'a')).toEqual(['a', 'b', 'c'])
  })

  it('is empty for an unknown objective', () => {
    expect(objectiveBranch(tree(), 'nope')).toEqual([])
  })

  it('offers the tops in the tree’s order, each means under its end, with depths and sizes', () => {
    const tops = branchTops(tree())
    // each objective right under the end it serves (indented by its depth, it reads as the tree);
    // orphan only served a discarded objective: it now stands on its own, a top of its own
    expect(tops.map((t) => [t.id, t.depth])).toEqual([
      ['goal', 0],
      ['jobs', 1],
      ['guide', 2],
      ['train', 2],
      ['tutor', 3],
      ['care', 1],
      ['homes', 2],
      ['orphan', 0],
    ])
    expect(tops.find((t) => t.id === 'jobs')).toEqual({ id: 'jobs', depth: 1, size: 4 })
  })

  it('compares stored branches with the tree regardless of order', () => {
    expect(sameObjectives(['a', 'b'], ['b', 'a'])).toBe(true)
    expect(sameObjectives(['a', 'b'], ['a', 'b', 'c'])).toBe(false)
    expect(sameObjectives(['a', 'c'], ['a', 'b'])).toBe(false)
  })
})

const criteria = [{ id: 'social' }, { id: 'economic' }, { id: 'covered' }]
const score = (candidate: string, criterion: string, participant: string, value: number) =>
  ({ candidate, criterion, participant, score: value }) satisfies Score

describe('ranking the candidate strategies', () => {
  it('averages each cell and the criteria, counts the scorers and ranks best first', () => {
    const ranking = rankCandidates([{ id: 'A' }, { id: 'B' }], criteria, [
      score('A', 'social', 'p1', 2),
      score('A', 'social', 'p2', 3),
      score('A', 'economic', 'p1', 4),
      score('B', 'social', 'p1', 5),
      score('B', 'economic', 'p2', 4),
      score('B', 'covered', 'p3', 3),
    ])
    expect(ranking.map((r) => r.candidate)).toEqual(['B', 'A'])
    const [b, a] = ranking
    expect(a!.cells.social).toEqual({ average: 2.5, count: 2 })
    expect(a!.cells.economic).toEqual({ average: 4, count: 1 })
    expect(a!.cells.covered).toEqual({ average: null, count: 0 })
    expect(a!.average).toBeCloseTo(3.25)
    expect(a!.scorers).toBe(2)
    expect(a!.rank).toBe(2)
    expect(b!.average).toBeCloseTo(4)
    expect(b!.scorers).toBe(3)
    expect(b!.rank).toBe(1)
  })

  it('gives tied candidates the same rank and puts unscored candidates last', () => {
    const ranking = rankCandidates(
      [{ id: 'unscored' }, { id: 'A' }, { id: 'B' }, { id: 'C' }],
      criteria,
      [score('A', 'social', 'p1', 4), score('B', 'social', 'p2', 4), score('C', 'social', 'p1', 2)],
    )
    expect(ranking.map((r) => [r.candidate, r.rank])).toEqual([
      ['A', 1],
      ['B', 1],
      ['C', 3],
      ['unscored', null],
    ])
    expect(ranking[3]!.average).toBeNull()
    expect(ranking[3]!.scorers).toBe(0)
  })

  it('weighs every criterion the same, however many people scored it', () => {
    const [a] = rankCandidates([{ id: 'A' }], criteria, [
      score('A', 'social', 'p1', 5),
      score('A', 'social', 'p2', 5),
      score('A', 'social', 'p3', 5),
      score('A', 'economic', 'p1', 1),
    ])
    expect(a!.average).toBe(3)
  })

  it('ignores scores off the scale, of removed criteria or candidates, and double records', () => {
    const [a] = rankCandidates([{ id: 'A' }], criteria, [
      score('A', 'social', 'p1', 0),
      score('A', 'social', 'p2', 6),
      score('A', 'social', 'p3', 2.5),
      score('A', 'removed', 'p1', 5),
      score('gone', 'social', 'p1', 5),
      score('A', 'economic', 'p1', 1),
      score('A', 'economic', 'p1', 3),
    ])
    expect(a!.cells.social).toEqual({ average: null, count: 0 })
    expect(a!.cells.economic).toEqual({ average: 3, count: 1 })
    expect(a!.scorers).toBe(1)
  })

  it('keys a score by candidate, criterion and participant', () => {
    expect(scoreId('c1', 'social', 'p9')).toBe('c1|social|p9')
  })
})

describe('strategy records', () => {
  it('reads candidates, criteria and scores from loose records', () => {
    expect(
      readCandidates([
        { id: 'z', label: 'Orientamento', objectives: ['a', 3, 'b'] },
        { id: 'y', label: 'Formazione' },
      ]),
    ).toEqual([
      { id: 'y', label: 'Formazione', objectives: [] },
      { id: 'z', label: 'Orientamento', objectives: ['a', 'b'] },
    ])
    expect(
      readCriteria([
        { id: 'b', label: 'B', order: 1 },
        { id: 'a', label: 'A', order: 1 },
        { id: 'c', label: 'C', key: 'social', order: 0 },
      ]).map((c) => c.id),
    ).toEqual(['c', 'a', 'b'])
    expect(
      readScores([
        { id: '1', candidate: 'A', criterion: 's', participant: 'p', score: 4 },
        { id: '2', candidate: 'A', criterion: 's', score: 4 },
      ]),
    ).toEqual([{ candidate: 'A', criterion: 's', participant: 'p', score: 4 }])
  })

  it('translates a built-in criterion only while its label is unchanged', () => {
    const covered = DEFAULT_CRITERIA.find((c) => c.key === 'covered')!
    expect(builtInCriterionKey({ key: 'covered', label: covered.label })).toBe('covered')
    expect(builtInCriterionKey({ key: 'covered', label: 'Copertura' })).toBeNull()
    expect(builtInCriterionKey({ label: 'Sostenibilità' })).toBeNull()
  })

  it('adds criteria at the end and moves them one step, renumbering the list', () => {
    const list = readCriteria([
      { id: 'a', label: 'A', order: 0 },
      { id: 'b', label: 'B', order: 0 },
      { id: 'c', label: 'C', order: 4 },
    ])
    expect(nextCriterionOrder(list)).toBe(5)
    expect(nextCriterionOrder([])).toBe(0)
    expect(moveCriterion(list, 'c', -1)).toEqual(
      new Map([
        ['c', 1],
        ['b', 2],
      ]),
    )
    expect(moveCriterion(list, 'a', -1).size).toBe(0)
    expect(moveCriterion(list, 'c', 1).size).toBe(0)
  })
})

describe('whether a participant has given every score', () => {
  const candidates = [{ id: 'c1' }, { id: 'c2' }]
  const criteria = [{ id: 'k1' }, { id: 'k2' }]
  const all = candidates.flatMap((c) =>
    criteria.map((k) => ({ candidate: c.id, criterion: k.id, participant: 'p1', score: 3 })),
  )
  it('is true only with a valid score of theirs in every cell', () => {
    expect(hasScoredAll(candidates, criteria, all, 'p1')).toBe(true)
    expect(hasScoredAll(candidates, criteria, all.slice(1), 'p1')).toBe(false)
    // someone else's scores do not count for them
    expect(hasScoredAll(candidates, criteria, all, 'p2')).toBe(false)
    // a score out of range is no score
    expect(
      hasScoredAll(candidates, criteria, [...all.slice(1), { ...all[0]!, score: 9 }], 'p1'),
    ).toBe(false)
  })
  it('is false while there is nothing to score', () => {
    expect(hasScoredAll([], criteria, [], 'p1')).toBe(false)
    expect(hasScoredAll(candidates, [], [], 'p1')).toBe(false)
  })
})
