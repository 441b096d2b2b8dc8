import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  ACTOR_CATEGORIES,
  STANCES,
  type ActorCategory,
  type Stance,
} from '../../shared/schema/index.ts'
import {
  ACTOR_TEXT_FIELDS,
  type Actor,
  type ActorTextField,
} from '../../shared/stakeholders/actors.ts'
import {
  filterActors,
  sortActors,
  type RegisterSort,
  type RegisterSortKey,
} from '../../shared/stakeholders/register.ts'
import { useBoard } from '../store/context.tsx'
import { useFollowScroll } from '../follow/useFollowScroll.ts'
import { useProjectorFit } from '../board/useProjectorFit.ts'
import { canEdit, isViewer } from '../store/boardStore.ts'
import { CsvControls } from './CsvControls.tsx'
import type { ObjectiveSummary } from './data.ts'
import { RegisterRow } from './RegisterRow.tsx'
import { useSelection } from './selection.tsx'
import { CATEGORY_COLORS, CategoryIcon, STANCE_COLORS } from './visuals.tsx'

type Column =
  | { key: RegisterSortKey; kind: 'sortable' }
  | { key: Exclude<ActorTextField, 'organisation' | 'pactRole'>; kind: 'text' }

const COLUMNS: Column[] = [
  { key: 'label', kind: 'sortable' },
  { key: 'organisation', kind: 'sortable' },
  { key: 'category', kind: 'sortable' },
  { key: 'pactRole', kind: 'sortable' },
  { key: 'power', kind: 'sortable' },
  { key: 'interest', kind: 'sortable' },
  { key: 'quadrant', kind: 'sortable' },
  { key: 'stance', kind: 'sortable' },
  { key: 'desiredStance', kind: 'sortable' },
  { key: 'objectives', kind: 'sortable' },
  { key: 'engagement', kind: 'text' },
  { key: 'interests', kind: 'text' },
  { key: 'affected', kind: 'text' },
  { key: 'capacity', kind: 'text' },
  { key: 'motivation', kind: 'text' },
  { key: 'contribution', kind: 'text' },
  { key: 'contact', kind: 'text' },
]

const NO_COLUMN_HIDDEN: ReadonlySet<ActorTextField> = new Set()

/**
 * The projector's register leaves out the free-text columns no actor has written in yet (often
 * «Ente», «Ruolo nel patto» and the notes early in a workshop): the table, wider than the
 * screen with them, wrapped the names onto five lines. Screens that write keep every column:
 * an empty cell is where one writes.
 */
function emptyColumns(actors: readonly Actor[]): ReadonlySet<ActorTextField> {
  return new Set(ACTOR_TEXT_FIELDS.filter((f) => actors.every((a) => !a[f].trim())))
}

function toggle<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item]
}

/**
 * The register: all actors in a table, editable in place, sortable and filterable, live with
 * the canvases (it reads the same store).
 */
export function RegisterView({
  actors,
  objectives,
  namesakes,
}: {
  actors: Actor[]
  objectives: ObjectiveSummary[]
  /** Actor id → how many other actors bear its name (shared/stakeholders/register.ts). */
  namesakes: ReadonlyMap<string, number>
}) {
  const { t, i18n } = useTranslation('stakeholders')
  const editable = useBoard(canEdit)
  const projector = useBoard(isViewer)
  const hidden = useMemo(
    () => (projector ? emptyColumns(actors) : NO_COLUMN_HIDDEN),
    [projector, actors],
  )
  const columns = useMemo(
    () => COLUMNS.filter((c) => !(hidden as ReadonlySet<string>).has(c.key)),
    [hidden],
  )
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null)
  useFollowScroll(scroller, 'stakeholders', 'register')
  useProjectorFit(scroller)
  const { actorId } = useSelection()
  const [categories, setCategories] = useState<ActorCategory[]>([])
  const [stances, setStances] = useState<Stance[]>([])
  const [search, setSearch] = useState('')
  const [sort, setSort] = useState<RegisterSort>({ key: 'category', direction: 'asc' })
  const shown = useMemo(
    () =>
      sortActors(filterActors(actors, { categories, stances, text: search }), sort, i18n.language),
    [actors, categories, stances, search, sort, i18n.language],
  )
  const sortBy = (key: RegisterSortKey) =>
    setSort((s) => ({ key, direction: s.key === key && s.direction === 'asc' ? 'desc' : 'asc' }))

  return (
    <div className="register" data-testid="register">
      {/* the projector shows the register, whole: nobody searches or filters on the wall */}
      {!projector && (
        <div className="register-bar">
          <input
            type="search"
            className="register-search"
            placeholder={t('register.search')}
            aria-label={t('register.search')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <div className="chip-group" role="group" aria-label={t('register.filterCategory')}>
            {ACTOR_CATEGORIES.map((c) => (
              <button
                key={c}
                className={`chip${categories.includes(c) ? ' on' : ''}`}
                aria-pressed={categories.includes(c)}
                data-filter-category={c}
                style={
                  categories.includes(c)
                    ? {
                        background: CATEGORY_COLORS[c].ink,
                        borderColor: CATEGORY_COLORS[c].ink,
                        color: '#fff',
                      }
                    : { color: CATEGORY_COLORS[c].ink }
                }
                onClick={() => setCategories(toggle(categories, c))}
              >
                <CategoryIcon category={c} size={14} /> {t(`categoriesShort.${c}`)}
              </button>
            ))}
          </div>
          <div className="chip-group" role="group" aria-label={t('register.filterStance')}>
            {STANCES.map((s) => (
              <button
                key={s}
                className={`chip${stances.includes(s) ? ' on' : ''}`}
                aria-pressed={stances.includes(s)}
                data-filter-stance={s}
                style={
                  stances.includes(s)
                    ? { background: STANCE_COLORS[s], borderColor: STANCE_COLORS[s], color: '#fff' }
                    : { color: STANCE_COLORS[s] }
                }
                onClick={() => setStances(toggle(stances, s))}
              >
                {t(`stances.${s}`)}
              </button>
            ))}
          </div>
          <span className="register-count" data-testid="register-count">
            {t('register.count', { shown: shown.length, total: actors.length })}
          </span>
          {editable && <CsvControls actors={actors} objectives={objectives} />}
        </div>
      )}
      <div className="register-scroll" ref={setScroller}>
        <table className="register-table">
          <thead>
            <tr>
              {columns.map((c) => {
                const name = t(`register.columns.${c.key}`)
                if (c.kind === 'text') return <th key={c.key}>{name}</th>
                const active = sort.key === c.key
                return (
                  <th
                    key={c.key}
                    aria-sort={
                      active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'
                    }
                  >
                    <button
                      className="sort-button"
                      onClick={() => sortBy(c.key)}
                      title={t('register.sortBy', { column: name })}
                      data-sort={c.key}
                    >
                      {name}
                      <span className="sort-mark" aria-hidden="true">
                        {active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  </th>
                )
              })}
              {!projector && <th aria-label={t('register.open')} />}
            </tr>
          </thead>
          <tbody>
            {shown.map((a) => (
              <RegisterRow
                key={a.id}
                actor={a}
                selected={a.id === actorId}
                hidden={hidden}
                opener={!projector}
                namesakes={namesakes.get(a.id)}
              />
            ))}
          </tbody>
        </table>
        {actors.length === 0 ? (
          <p className="register-empty">{t('register.empty')}</p>
        ) : (
          shown.length === 0 && <p className="register-empty">{t('register.noMatch')}</p>
        )}
      </div>
    </div>
  )
}
