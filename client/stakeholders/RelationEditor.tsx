import { useTranslation } from 'react-i18next'
import { SharedTextField } from '../text/SharedTextField.tsx'
import { RELATION_KINDS } from '../../shared/schema/index.ts'
import { useStakeholderActions } from './useStakeholderActions.ts'
import type { Actor } from '../../shared/stakeholders/actors.ts'
import { useBoard, useBoardActions } from '../store/context.tsx'
import { canEdit } from '../store/boardStore.ts'
import type { Relation } from './data.ts'
import { RELATION_STYLES, RelationSample } from './visuals.tsx'

/** The selected relation: its kind, a note, its direction. */
export function RelationEditor({
  relation,
  relations,
  actors,
  onClose,
}: {
  relation: Relation
  relations: Relation[]
  actors: Actor[]
  onClose(): void
}) {
  const { t } = useTranslation('stakeholders')
  const actions = useBoardActions()
  const stakeholders = useStakeholderActions()
  const editable = useBoard(canEdit)
  const name = (id: string) => actors.find((a) => a.id === id)?.label || t('card.unnamed')
  const update = (patch: { kind?: string; note?: string }) =>
    actions.updateLink('stakeholders', relation.id, patch)
  // one relation per direction: reversing onto an existing one would make a duplicate
  const reversible = !relations.some(
    (r) => r.source === relation.target && r.target === relation.source,
  )
  const reverse = () => stakeholders.reverseRelation(relation.id, relation.source, relation.target)
  return (
    <aside
      className="sh-editor"
      aria-label={t('relationEditor.title')}
      data-testid="relation-editor"
    >
      <header
        className="sh-editor-head"
        style={{ borderColor: RELATION_STYLES[relation.kind].color }}
      >
        <h3>{t('relationEditor.title')}</h3>
        <button className="sh-icon-button" onClick={onClose} aria-label={t('editor.close')}>
          ×
        </button>
      </header>
      <div className="sh-editor-body">
        <p className="relation-between">
          {t('relationEditor.between', {
            source: name(relation.source),
            target: name(relation.target),
          })}
        </p>
        <div className="field">
          <span>{t('relationEditor.kind')}</span>
          <div className="kind-picker" role="radiogroup" aria-label={t('relationEditor.kind')}>
            {RELATION_KINDS.map((k) => (
              <button
                key={k}
                role="radio"
                aria-checked={relation.kind === k}
                data-kind={k}
                className={relation.kind === k ? 'on' : ''}
                disabled={!editable}
                onClick={() => update({ kind: k })}
              >
                <RelationSample kind={k} width={36} /> {t(`relations.${k}`)}
              </button>
            ))}
          </div>
        </div>
        <label className="field" htmlFor="relation-note">
          <span>{t('relationEditor.note')}</span>
          <SharedTextField
            key={relation.id}
            target={{ collection: 'stakeholders.edges', id: relation.id, field: 'note' }}
            id="relation-note"
            label={t('relationEditor.note')}
            disabled={!editable}
            rows={2}
            placeholder={t('relationEditor.notePlaceholder')}
          />
        </label>
        {editable && (
          <div className="sh-editor-actions">
            <button onClick={reverse} disabled={!reversible}>
              ⇄ {t('relationEditor.reverse')}
            </button>
            <button
              className="sh-danger-button"
              onClick={() => {
                actions.removeCards('stakeholders', [], [relation.id])
                onClose()
              }}
            >
              {t('relationEditor.delete')}
            </button>
          </div>
        )}
      </div>
    </aside>
  )
}
