import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { logframeFromBranch, planLogframe, stillToReword } from '../../shared/method/logframe.ts'
import { readLogframeRows } from '../../shared/method/logframeRows.ts'
import { canEdit, isFacilitator, type BoardState } from '../store/boardStore.ts'
import { useBoard } from '../store/context.tsx'
import { useFollowScroll } from '../follow/useFollowScroll.ts'
import { newId } from '../store/ids.ts'
import { useStrategy } from '../strategy/useStrategy.ts'
import { LogframeTable } from './LogframeTable.tsx'
import { useLogframeActions } from './useLogframeActions.ts'
import '../strategy/strategy.css'
import './logframe.css'

const rowItems = (s: BoardState) => s.lists['logframe.rows']

/** The logframe of the chosen strategy: generated from its branch, then written by everyone. */
export function LogframeView() {
  const { t } = useTranslation('strategy')
  const { graph, chosen } = useStrategy()
  const items = useBoard(rowItems)
  const editable = useBoard(canEdit)
  const facilitator = useBoard(isFacilitator)
  const write = useLogframeActions()
  const [message, setMessage] = useState<string | null>(null)
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null)
  useFollowScroll(scroller, 'objectives', 'logframe')

  const rows = useMemo(() => readLogframeRows(items), [items])
  const proposal = useMemo(
    () => (chosen ? logframeFromBranch(graph, chosen.objectives) : null),
    [graph, chosen],
  )
  const proposed = useMemo(
    () => (proposal ? new Set(proposal.map((p) => `${p.level}|${p.objective}`)) : null),
    [proposal],
  )

  const toReword = useMemo(
    () => (proposal ? stillToReword(graph, proposal) : []),
    [graph, proposal],
  )

  // With objectives still worded as problems, the first generation asks again: the words go
  // into the logframe as they are (generated anyway, they can be reworded there).
  const [confirming, setConfirming] = useState(false)
  const generated = rows.some((r) => r.objective !== null)
  const generate = () => {
    if (!proposal?.length) return setMessage(t('logframe.nothingToGenerate'))
    if (toReword.length && !generated && !confirming) return setConfirming(true)
    setConfirming(false)
    const labels = new Map([...graph.byId].map(([id, o]) => [id, o.label]))
    const plan = planLogframe(rows, proposal, labels, newId)
    if (write.applyPlan(plan))
      setMessage(
        t('logframe.generated', {
          created: t('logframe.created', { count: plan.create.length }),
          kept: t('logframe.kept', { count: plan.kept }),
          removed: t('logframe.removed', { count: plan.remove.length }),
        }),
      )
  }

  return (
    <div className="logframe-view" data-testid="logframe-view" ref={setScroller}>
      <header className="logframe-header">
        <div>
          <h2>{t('logframe.title')}</h2>
          <p className="muted">{t('logframe.intro')}</p>
        </div>
        <div className={`chosen-banner${chosen ? ' is-chosen' : ''}`} data-testid="chosen-strategy">
          {chosen
            ? `✓ ${t('chosen.banner', { label: chosen.label || t('untitled') })}`
            : t('logframe.needsChoice')}
        </div>
        {facilitator ? (
          <div className="logframe-generate">
            <button
              className="primary"
              data-testid="generate-logframe"
              disabled={!chosen}
              onClick={generate}
            >
              {confirming && toReword.length > 0
                ? t('logframe.generateAnyway')
                : generated
                  ? t('logframe.regenerate')
                  : t('logframe.generate')}
            </button>
            {message && (
              <span role="status" className="logframe-message">
                {message}
              </span>
            )}
            {toReword.length > 0 && (
              <p className="logframe-warning" data-testid="logframe-to-reword">
                {t(generated ? 'logframe.toRewordAfter' : 'logframe.toReword', {
                  count: toReword.length,
                  labels: toReword.map((id) => `«${graph.byId.get(id)!.label}»`).join(', '),
                })}
              </p>
            )}
          </div>
        ) : (
          editable &&
          chosen &&
          !rows.length && <p className="muted">{t('logframe.facilitatorGenerates')}</p>
        )}
      </header>
      {rows.length === 0 && !editable ? (
        <p className="muted logframe-empty">{t('logframe.empty')}</p>
      ) : (
        <div className="logframe-scroll">
          <LogframeTable rows={rows} proposed={proposed} editable={editable} write={write} />
        </div>
      )}
    </div>
  )
}
