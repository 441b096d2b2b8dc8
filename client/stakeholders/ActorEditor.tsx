import { useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ACTOR_CATEGORIES, STANCES, type Fields, type Stance } from '../../shared/schema/index.ts'
import { stanceChange, type Actor, type ActorTextField } from '../../shared/stakeholders/actors.ts'
import { quadrantOf } from '../../shared/stakeholders/grid.ts'
import { useBoard, useBoardActions } from '../store/context.tsx'
import { canEdit } from '../store/boardStore.ts'
import type { ObjectiveSummary } from './data.ts'
import { UnitSlider } from './fields.tsx'
import { SharedTextField } from '../text/SharedTextField.tsx'
import { CATEGORY_COLORS, CategoryIcon, STANCE_COLORS, STANCE_GLYPHS } from './visuals.tsx'
import { actorFocusTarget } from './actorFocus.ts'

/**
 * The sheet, closed (×, Escape), deleted or given up while the keyboard was in it (or had just
 * left it for nowhere by a key, as a field does after Enter or Escape): the focus goes back to
 * the actor's card, or where {@link actorFocusTarget} says for an actor gone, not to the page.
 * A click elsewhere, which closes the sheet too, leaves the focus where the click put it.
 */
function useFocusBack(actorId: string, origin: HTMLElement | null | undefined) {
  const sheet = useRef<HTMLElement>(null)
  const dropped = useRef(false)
  const from = useRef(origin)
  from.current = origin
  // which came last, a key or a pointer: only a key's drop of the focus is the keyboard's
  const byKey = useRef(false)
  useEffect(() => {
    const key = () => (byKey.current = true)
    const pointer = () => (byKey.current = false)
    window.addEventListener('keydown', key, true)
    window.addEventListener('pointerdown', pointer, true)
    return () => {
      window.removeEventListener('keydown', key, true)
      window.removeEventListener('pointerdown', pointer, true)
    }
  }, [])
  // a layout effect's clean-up runs while the sheet is still in the page, the focus in it
  useLayoutEffect(() => {
    const el = sheet.current
    return () => {
      const at = document.activeElement
      const lost = !at || at === document.body
      if (!el?.contains(at) && !(lost && dropped.current)) return
      const refocus = actorFocusTarget(new Set([actorId]), { origin: from.current })
      queueMicrotask(() => {
        const now = document.activeElement
        if (!now || now === document.body) refocus()
      })
    }
  }, [actorId])
  return {
    ref: sheet,
    onFocus: () => {
      dropped.current = false
    },
    onBlur: (e: React.FocusEvent) => {
      dropped.current = !e.relatedTarget && byKey.current
    },
  }
}

function StancePicker({
  name,
  value,
  onChange,
  disabled,
}: {
  name: string
  value: Stance
  onChange(s: Stance): void
  disabled: boolean
}) {
  const { t } = useTranslation('stakeholders')
  return (
    <div className="segmented" role="radiogroup" aria-label={t(`editor.${name}`)} data-field={name}>
      {STANCES.map((s) => (
        <button
          key={s}
          role="radio"
          aria-checked={value === s}
          className={value === s ? 'on' : ''}
          style={
            value === s
              ? { background: STANCE_COLORS[s], borderColor: STANCE_COLORS[s] }
              : undefined
          }
          disabled={disabled}
          onClick={() => onChange(s)}
        >
          {STANCE_GLYPHS[s]} {t(`stances.${s}`)}
        </button>
      ))}
    </div>
  )
}

/**
 * Every field of the selected actor; text is written when a field is left. Escape (outside a
 * text, or again in a text after its own Escape or Enter) closes it, as × does.
 */
export function ActorEditor({
  actor,
  objectives,
  namesakes = 0,
  focusName,
  origin,
  onClose,
}: {
  actor: Actor
  objectives: ObjectiveSummary[]
  /** How many other actors bear this one's name. */
  namesakes?: number
  focusName: boolean
  /** The button that made this actor, just now: where the focus goes if it is given up. */
  origin?: HTMLElement | null
  onClose(): void
}) {
  const { t } = useTranslation('stakeholders')
  const focusBack = useFocusBack(actor.id, origin)
  const onKeyDown = (e: KeyboardEvent) => {
    // a text's Escape gives up what was typed there (the field keeps it, and the sheet stays);
    // one it lets by, with nothing typed since its last Enter or Escape, closes the sheet
    if (e.key !== 'Escape' || e.defaultPrevented) return
    e.preventDefault()
    onClose()
  }
  const actions = useBoardActions()
  const editable = useBoard(canEdit)
  const update = (patch: Fields) => actions.updateCard('stakeholders', actor.id, patch)
  const text = (field: ActorTextField | 'label', multiline = false, placeholder?: string) => {
    const id = `actor-${field}`
    return (
      <label className="field" htmlFor={id}>
        <span>{t(`editor.${field}`)}</span>
        <SharedTextField
          key={`${actor.id}:${field}`}
          target={{ collection: 'stakeholders.nodes', id: actor.id, field }}
          id={id}
          data-field={field}
          label={t(`editor.${field}`)}
          placeholder={placeholder}
          disabled={!editable}
          multiline={multiline}
          rows={2}
          autoFocus={field === 'label' && focusName}
          onPresence={(on) => actions.setEditing(on ? actor.id : null, field)}
        />
      </label>
    )
  }
  const quadrant = quadrantOf(actor)
  return (
    <aside
      {...focusBack}
      className="sh-editor"
      aria-label={t('editor.title')}
      data-testid="actor-editor"
      onKeyDown={onKeyDown}
    >
      <header
        className="sh-editor-head"
        style={{ borderColor: CATEGORY_COLORS[actor.category].ink }}
      >
        <h3>{t('editor.title')}</h3>
        {!editable && <span className="role-chip">{t('editor.readOnly')}</span>}
        <button className="sh-icon-button" onClick={onClose} aria-label={t('editor.close')}>
          ×
        </button>
      </header>
      <div className="sh-editor-body">
        <section>
          <h4>{t('editor.identity')}</h4>
          {text('label', false, t('editor.labelPlaceholder'))}
          {namesakes > 0 && (
            <p className="namesake-note" role="status" data-testid="namesake-note">
              ⚠ {t('editor.namesakes', { count: namesakes })}
            </p>
          )}
          {text('organisation')}
          <div className="field">
            <span>{t('editor.category')}</span>
            <div className="category-picker" role="radiogroup" aria-label={t('editor.category')}>
              {ACTOR_CATEGORIES.map((c) => (
                <button
                  key={c}
                  role="radio"
                  aria-checked={actor.category === c}
                  data-category={c}
                  disabled={!editable}
                  className={actor.category === c ? 'on' : ''}
                  style={{
                    color: actor.category === c ? '#fff' : CATEGORY_COLORS[c].ink,
                    background:
                      actor.category === c ? CATEGORY_COLORS[c].ink : CATEGORY_COLORS[c].tint,
                    borderColor: CATEGORY_COLORS[c].ink,
                  }}
                  onClick={() => update({ category: c })}
                >
                  <CategoryIcon category={c} size={16} /> {t(`categoriesShort.${c}`)}
                </button>
              ))}
            </div>
          </div>
          {text('pactRole', false, t('editor.pactRolePlaceholder'))}
          {text('contact')}
        </section>
        <section>
          <h4>{t('editor.position')}</h4>
          <div className="field">
            <label htmlFor="actor-power">{t('editor.power')}</label>
            <UnitSlider
              id="actor-power"
              label={t('editor.power')}
              value={actor.power}
              unset={!actor.placed}
              disabled={!editable}
              onCommit={(power) => update({ power, placed: true })}
            />
          </div>
          <div className="field">
            <label htmlFor="actor-interest">{t('editor.interest')}</label>
            <UnitSlider
              id="actor-interest"
              label={t('editor.interest')}
              value={actor.interest}
              unset={!actor.placed}
              disabled={!editable}
              onCommit={(interest) => update({ interest, placed: true })}
            />
          </div>
          <p className="quadrant-line" data-quadrant={actor.placed ? quadrant : undefined}>
            {t('editor.quadrant')}:{' '}
            <strong>{actor.placed ? t(`quadrants.${quadrant}`) : t('tray.unplaced')}</strong>
          </p>
          <div className="field">
            <span>{t('editor.stance')}</span>
            <StancePicker
              name="stance"
              value={actor.stance}
              disabled={!editable}
              onChange={(stance) => update(stanceChange(actor, stance))}
            />
          </div>
          <div className="field">
            <span>{t('editor.desiredStance')}</span>
            <StancePicker
              name="desiredStance"
              value={actor.desiredStance}
              disabled={!editable}
              onChange={(desiredStance) => update({ desiredStance })}
            />
          </div>
          {text('engagement', true, t('editor.engagementPlaceholder'))}
        </section>
        <section>
          <h4>{t('editor.analysis')}</h4>
          {text('interests', true)}
          {text('affected', true)}
          {text('capacity', true)}
          {text('motivation', true)}
          {text('contribution', true)}
        </section>
        <section>
          <h4>{t('editor.objectives')}</h4>
          {objectives.length === 0 ? (
            <p className="sh-muted">{t('editor.noObjectives')}</p>
          ) : (
            <ul className="objective-checks">
              {objectives.map((o) => (
                <li key={o.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={actor.objectives.includes(o.id)}
                      disabled={!editable}
                      onChange={(e) =>
                        // only this objective: what others tick meanwhile stays
                        actions.editIdSet(
                          'stakeholders.nodes',
                          actor.id,
                          'objectives',
                          e.target.checked ? { add: [o.id] } : { remove: [o.id] },
                        )
                      }
                    />
                    <span>{o.label || '—'}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </section>
        {editable && (
          <button
            className="sh-danger-button"
            onClick={() => actions.removeCards('stakeholders', [actor.id])}
          >
            {t('editor.delete')}
          </button>
        )}
      </div>
    </aside>
  )
}
