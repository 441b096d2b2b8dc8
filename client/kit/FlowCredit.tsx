import { Panel, type ProOptions } from '@xyflow/react'
import { useTranslation } from 'react-i18next'

/**
 * React Flow's own credit is hidden: its link is named in English whatever the reader's
 * language («React Flow attribution», fixed in the library). This one says the same, credits the
 * same project at the same place and with the same look, in the reader's language.
 */
export const FLOW_PRO_OPTIONS: ProOptions = { hideAttribution: true }

export function FlowCredit() {
  const { t } = useTranslation('board')
  return (
    <Panel position="bottom-right" className="react-flow__attribution">
      <a
        href="https://reactflow.dev"
        target="_blank"
        rel="noopener noreferrer"
        aria-label={t('flow.credit')}
      >
        React Flow
      </a>
    </Panel>
  )
}
