import { useTranslation } from 'react-i18next'
import { focusNewField } from '../../text/typeAhead.ts'
import { useBackToMaker } from '../useBackToMaker.ts'
import { useActors } from '../../stakeholders/data.ts'
import { useBoard } from '../../store/context.tsx'
import { canEdit } from '../../store/boardStore.ts'
import { useBodies } from '../data.ts'
import { usePactActions } from '../usePactActions.ts'
import { BodyCard } from './BodyCard.tsx'
import { GovernanceDiagram } from './GovernanceDiagram.tsx'
import { RulesList } from './RulesList.tsx'
import './governance.css'

/** The bodies most pacts have: one click makes one, with its name and level. */
const SUGGESTED = [
  { key: 'steering', level: 'political' },
  { key: 'technical', level: 'technical' },
  { key: 'secretariat', level: 'operational' },
] as const

/**
 * Governance: the pact's bodies (mandate, level, members from the register, lead actor,
 * decision rule, frequency), its rules, and a diagram of who sits where.
 */
export function GovernanceView() {
  const { t } = useTranslation('pact')
  const editable = useBoard(canEdit)
  const bodies = useBodies()
  const made = useBackToMaker(bodies.map((b) => b.id))
  const actors = useActors()
  const pact = usePactActions()
  const missing = SUGGESTED.filter(
    (s) => !bodies.some((b) => b.label.trim() === t(`governance.suggested.${s.key}`)),
  )
  return (
    <div className="pact-governance" data-testid="pact-governance">
      <section className="gov-bodies" aria-labelledby="gov-bodies-title">
        <div className="gov-head">
          <h2 id="gov-bodies-title">{t('governance.bodies')}</h2>
          {editable && (
            <div className="gov-add">
              <button
                className="primary"
                onClick={(e) => {
                  const id = pact.addBody(bodies)
                  made(id, e.currentTarget)
                  focusBodyField(id, 'label')
                }}
              >
                + {t('governance.addBody')}
              </button>
              {missing.map((s) => (
                <button
                  key={s.key}
                  data-suggested={s.key}
                  onClick={() =>
                    // named already: what is typed next is its mandate
                    focusBodyField(
                      pact.addBody(bodies, {
                        label: t(`governance.suggested.${s.key}`),
                        level: s.level,
                      }),
                      'mandate',
                    )
                  }
                >
                  + {t(`governance.suggested.${s.key}`)}
                </button>
              ))}
            </div>
          )}
        </div>
        {bodies.length === 0 && <p className="pact-hint">{t('governance.noBodies')}</p>}
        {actors.length === 0 && <p className="pact-hint">{t('governance.noActors')}</p>}
        <div className="gov-body-list">
          {bodies.map((b) => (
            <BodyCard key={b.id} body={b} actors={actors} />
          ))}
        </div>
      </section>
      <div className="gov-side">
        <RulesList />
        <GovernanceDiagram bodies={bodies} actors={actors} />
      </div>
    </div>
  )
}

/** A new body's field takes the focus, so what is typed next lands there. */
function focusBodyField(id: string | null, field: 'label' | 'mandate'): void {
  if (id) focusNewField(`[data-body-id="${CSS.escape(id)}"] [data-field=${field}]`)
}
