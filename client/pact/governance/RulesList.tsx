import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { focusNewField } from '../../text/typeAhead.ts'
import { useBoard } from '../../store/context.tsx'
import { canEdit } from '../../store/boardStore.ts'
import { focusInNextRow } from '../../lib/dom.ts'
import { useRules } from '../data.ts'
import { PactText } from '../PactText.tsx'
import { usePactActions } from '../usePactActions.ts'
import { useBackToMaker } from '../useBackToMaker.ts'

/** The rules of the pact: a short ordered list everyone can write. */
export function RulesList() {
  const { t } = useTranslation('pact')
  const editable = useBoard(canEdit)
  const rules = useRules()
  const pact = usePactActions()
  const addButton = useRef<HTMLButtonElement>(null)
  const made = useBackToMaker(rules.map((r) => r.id))
  return (
    <section className="pact-panel gov-rules" aria-labelledby="gov-rules-title">
      <div className="gov-head">
        <h2 id="gov-rules-title">{t('governance.rules')}</h2>
        {editable && (
          <button
            ref={addButton}
            onClick={() => {
              const id = pact.addRule(rules)
              made(id, addButton.current)
              // the new rule's text takes the focus: what is typed next lands there
              if (id) focusNewField(`[data-rule-id="${CSS.escape(id)}"] [data-field=text]`)
            }}
          >
            + {t('governance.addRule')}
          </button>
        )}
      </div>
      {rules.length === 0 && <p className="pact-hint">{t('governance.noRules')}</p>}
      <ol className="gov-rule-list">
        {rules.map((r, i) => (
          <li key={r.id} data-rule-id={r.id}>
            <span className="gov-rule-n" aria-hidden="true">
              {i + 1}.
            </span>
            <PactText
              collection="pact.rules"
              id={r.id}
              field="text"
              label={t('governance.ruleN', { n: i + 1 })}
              placeholder={t('governance.rulePlaceholder')}
              multiline
            />
            {editable && (
              <span className="gov-rule-actions">
                <button
                  className="pact-icon-button"
                  disabled={i === 0}
                  aria-label={t('governance.moveUp', { n: i + 1 })}
                  title={t('governance.moveUp', { n: i + 1 })}
                  onClick={() => pact.moveRule(rules, r.id, -1)}
                >
                  ↑
                </button>
                <button
                  className="pact-icon-button"
                  disabled={i === rules.length - 1}
                  aria-label={t('governance.moveDown', { n: i + 1 })}
                  title={t('governance.moveDown', { n: i + 1 })}
                  onClick={() => pact.moveRule(rules, r.id, 1)}
                >
                  ↓
                </button>
                <button
                  className="pact-icon-button danger"
                  aria-label={t('governance.removeRule', { n: i + 1 })}
                  title={t('governance.removeRule', { n: i + 1 })}
                  onClick={(e) => {
                    // the next rule's ✕ takes the focus (the previous one's, else «+ Regola»)
                    focusInNextRow(e.currentTarget, '.danger', addButton.current)
                    pact.removeRule(r.id)
                  }}
                >
                  ✕
                </button>
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  )
}
