import { useTranslation } from 'react-i18next'
import {
  ACTOR_CATEGORIES,
  STANCES,
  type ActorCategory,
  type Fields,
  type Stance,
} from '../../shared/schema/index.ts'
import { stanceChange, type Actor, type ActorTextField } from '../../shared/stakeholders/actors.ts'
import { quadrantOf } from '../../shared/stakeholders/grid.ts'
import { useBoard, useBoardActions } from '../store/context.tsx'
import { canEdit, type BoardState } from '../store/boardStore.ts'
import { PercentField } from './fields.tsx'
import { SharedTextField } from '../text/SharedTextField.tsx'
import { writersIn } from '../store/writers.ts'
import { useWritersText } from '../kit/WriterMark.tsx'
import { usePhone } from '../kit/phone.ts'
import { useSelection } from './selection.tsx'
import { CATEGORY_COLORS, CategoryBadge, StanceBadge, STANCE_COLORS } from './visuals.tsx'

const peersSelector = (s: BoardState) => s.peers

/** One row of the register: every cell edits the card in place; `hidden` columns are left out. */
export function RegisterRow({
  actor,
  selected,
  hidden,
  opener = true,
  namesakes = 0,
}: {
  actor: Actor
  selected: boolean
  /** How many other actors bear this one's name: the cell says so. */
  namesakes?: number
  hidden: ReadonlySet<ActorTextField>
  /** The ✎ that opens the actor's sheet (not on the projector: nobody presses it there). */
  opener?: boolean
}) {
  const { t } = useTranslation('stakeholders')
  const actions = useBoardActions()
  const editable = useBoard(canEdit)
  const { selectActor } = useSelection()
  const update = (patch: Fields) => actions.updateCard('stakeholders', actor.id, patch)
  const name = actor.label || t('card.unnamed')
  const label = (column: string) => `${t(`register.columns.${column}`)} · ${name}`
  const peers = useBoard(peersSelector)
  const writersText = useWritersText()
  // on a phone the name, in its narrow column that stays on screen, wraps onto a few lines: a
  // single-line field showed «Azienda Socio Sanitaria Te»
  const phone = usePhone()
  const text = (field: ActorTextField | 'label') => {
    // a cell shows what its width allows: the whole text is in its tooltip
    const whole = actor[field] || undefined
    if (!editable)
      return (
        <span className="cell-text" title={whole}>
          {actor[field]}
        </span>
      )
    // someone else writing in this very cell: their colour around it
    const writer = writersIn(peers, actor.id, field)
    return (
      <span
        className={`cell-field${writer ? ' being-written' : ''}`}
        style={writer ? { outlineColor: writer.first.user.color } : undefined}
        title={writer ? writersText(writer) : whole}
      >
        <SharedTextField
          target={{ collection: 'stakeholders.nodes', id: actor.id, field }}
          multiline={phone && field === 'label'}
          className="cell-input"
          data-field={field}
          label={label(field)}
          onPresence={(on) => actions.setEditing(on ? actor.id : null, field)}
        />
      </span>
    )
  }
  const stanceCell = (field: 'stance' | 'desiredStance') =>
    editable ? (
      <select
        className="cell-input"
        data-field={field}
        aria-label={label(field)}
        value={actor[field]}
        style={{ color: STANCE_COLORS[actor[field]] }}
        onChange={(e) => {
          const stance = e.target.value as Stance
          update(field === 'stance' ? stanceChange(actor, stance) : { desiredStance: stance })
        }}
      >
        {STANCES.map((s) => (
          <option key={s} value={s}>
            {t(`stances.${s}`)}
          </option>
        ))}
      </select>
    ) : (
      <StanceBadge stance={actor[field]} />
    )
  const quadrant = quadrantOf(actor)
  return (
    <tr data-actor-id={actor.id} data-label={actor.label} className={selected ? 'selected' : ''}>
      <td className="cell-name">
        <span className="cell-with-badge">
          <CategoryBadge category={actor.category} size={20} />
          {text('label')}
          {namesakes > 0 && (
            <span
              className="namesake-tag"
              role="img"
              data-testid="namesake-tag"
              aria-label={t('register.namesakes', { count: namesakes })}
              title={t('register.namesakes', { count: namesakes })}
            >
              ⚠
            </span>
          )}
        </span>
      </td>
      {!hidden.has('organisation') && <td>{text('organisation')}</td>}
      <td>
        {editable ? (
          <select
            className="cell-input"
            data-field="category"
            aria-label={label('category')}
            value={actor.category}
            style={{ color: CATEGORY_COLORS[actor.category].ink }}
            onChange={(e) => update({ category: e.target.value as ActorCategory })}
          >
            {ACTOR_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`categoriesShort.${c}`)}
              </option>
            ))}
          </select>
        ) : (
          t(`categories.${actor.category}`)
        )}
      </td>
      {!hidden.has('pactRole') && <td>{text('pactRole')}</td>}
      {(['power', 'interest'] as const).map((field) => (
        <td key={field} className="cell-num">
          {editable ? (
            <PercentField
              value={actor.placed ? actor[field] : null}
              label={label(field)}
              onCommit={(v) => update({ [field]: v, placed: true })}
            />
          ) : actor.placed ? (
            Math.round(actor[field] * 100)
          ) : (
            '—'
          )}
        </td>
      ))}
      <td className="cell-quadrant" data-quadrant={actor.placed ? quadrant : undefined}>
        {actor.placed ? t(`quadrants.${quadrant}`) : t('tray.unplaced')}
      </td>
      <td>{stanceCell('stance')}</td>
      <td>{stanceCell('desiredStance')}</td>
      <td className="cell-num">{actor.objectives.length}</td>
      {(
        [
          'engagement',
          'interests',
          'affected',
          'capacity',
          'motivation',
          'contribution',
          'contact',
        ] as const
      )
        .filter((field) => !hidden.has(field))
        .map((field) => (
          <td key={field} className="cell-wide">
            {text(field)}
          </td>
        ))}
      {opener && (
        <td>
          <button
            className="sh-icon-button"
            title={t('register.open')}
            aria-label={`${t('register.open')} · ${name}`}
            data-opens-actor={actor.id}
            onClick={() => selectActor(actor.id)}
          >
            ✎
          </button>
        </td>
      )}
    </tr>
  )
}
