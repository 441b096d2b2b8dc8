import { describe, expect, it } from 'vitest'
import { readActor, stanceGap, newActorFields } from '../../shared/stakeholders/actors.ts'
import { filterActors, namesakes, sortActors } from '../../shared/stakeholders/register.ts'

const actors = [
  readActor('a', {
    label: 'Comune di Bergamo',
    category: 'public',
    power: 0.9,
    interest: 0.8,
    stance: 'supports',
  }),
  readActor('b', {
    label: 'Università',
    organisation: 'Ateneo',
    category: 'public',
    power: 0.6,
    interest: 0.2,
    stance: 'neutral',
  }),
  readActor('c', {
    label: 'Cooperativa 10',
    category: 'third-sector',
    power: 0.3,
    interest: 0.9,
    stance: 'resists',
  }),
  readActor('d', {
    label: 'Cooperativa 9',
    category: 'third-sector',
    power: 0.3,
    interest: 0.4,
    stance: 'neutral',
  }),
  readActor('e', { label: '', category: 'community', power: 0.1, interest: 0.1 }),
  readActor('f', {
    label: 'abitanti',
    category: 'community',
    power: 0.2,
    interest: 0.7,
    stance: 'supports',
    objectives: ['o1', 'o2'],
  }),
]
const ids = (list: { id: string }[]) => list.map((a) => a.id)

describe('actor cards', () => {
  it('reads a half-written card with neutral defaults', () => {
    expect(readActor('x', { label: 'Solo nome', power: 7, stance: 'boh' })).toMatchObject({
      label: 'Solo nome',
      category: 'community',
      power: 1,
      interest: 0.5,
      stance: 'neutral',
      desiredStance: 'neutral',
      organisation: '',
      objectives: [],
    })
  })

  it('creates a whole card and measures the stance gap', () => {
    expect(newActorFields('economic', { label: 'Banca', stance: 'resists' })).toMatchObject({
      kind: 'actor',
      category: 'economic',
      stance: 'resists',
      desiredStance: 'resists',
      engagement: '',
      objectives: [],
    })
    expect(stanceGap({ stance: 'resists', desiredStance: 'supports' })).toBe(2)
    expect(stanceGap({ stance: 'supports', desiredStance: 'neutral' })).toBe(-1)
  })
})

describe('register', () => {
  it('filters by category, stance and text (name or organisation)', () => {
    expect(ids(filterActors(actors, { categories: [], stances: [] }))).toEqual(ids(actors))
    expect(ids(filterActors(actors, { categories: ['public'], stances: [] }))).toEqual(['a', 'b'])
    expect(
      ids(filterActors(actors, { categories: ['public', 'community'], stances: ['supports'] })),
    ).toEqual(['a', 'f'])
    expect(ids(filterActors(actors, { categories: [], stances: ['resists'] }))).toEqual(['c'])
    expect(ids(filterActors(actors, { categories: [], stances: [], text: ' ATENEO ' }))).toEqual([
      'b',
    ])
    expect(ids(filterActors(actors, { categories: [], stances: [], text: 'coop' }))).toEqual([
      'c',
      'd',
    ])
  })

  it('sorts names as people read them, empty names last, both directions', () => {
    expect(ids(sortActors(actors, { key: 'label', direction: 'asc' }))).toEqual([
      'f',
      'a',
      'd',
      'c',
      'b',
      'e',
    ])
    expect(ids(sortActors(actors, { key: 'label', direction: 'desc' }))).toEqual([
      'b',
      'c',
      'd',
      'a',
      'f',
      'e',
    ])
  })

  it('sorts numbers, codes in the method’s order and derived columns, stably', () => {
    expect(ids(sortActors(actors, { key: 'power', direction: 'desc' }))).toEqual([
      'a',
      'b',
      'c',
      'd',
      'f',
      'e',
    ])
    expect(ids(sortActors(actors, { key: 'category', direction: 'asc' }))).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
    ])
    expect(ids(sortActors(actors, { key: 'stance', direction: 'asc' }))).toEqual([
      'a',
      'f',
      'b',
      'd',
      'e',
      'c',
    ])
    expect(ids(sortActors(actors, { key: 'quadrant', direction: 'asc' }))).toEqual([
      'b',
      'a',
      'd',
      'e',
      'c',
      'f',
    ])
    expect(ids(sortActors(actors, { key: 'objectives', direction: 'desc' }))[0]).toBe('f')
  })
})

describe('namesakes', () => {
  it('counts, for each actor, the others bearing its name, case, accents and spaces aside', () => {
    const found = namesakes([
      { id: 'a', label: 'Comune di Albino' },
      { id: 'b', label: '  comune di  ALBINO ' },
      { id: 'c', label: 'Cooperativa Città' },
      { id: 'd', label: 'Cooperativa Citta' },
      { id: 'e', label: 'Cooperativa città' },
      { id: 'f', label: 'Comune di Nembro' },
      { id: 'g', label: '' },
      { id: 'h', label: '   ' },
    ])
    expect(Object.fromEntries(found)).toEqual({ a: 1, b: 1, c: 2, d: 2, e: 2 })
  })
})
