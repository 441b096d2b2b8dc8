import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Panel, useReactFlow, useStore } from '@xyflow/react'
import type { VoteCanvas } from '../../shared/schema/index.ts'
import { usePhone } from '../kit/phone.ts'
import { PHONE_READING_ZOOM } from '../kit/useTreeFraming.ts'
import { useVoteOpen } from './VoteDots.tsx'

/**
 * The zoom below which a phone's «+●» takes no tap (facilitation.css): its thumb-sized area,
 * 44 screen px from the control's top, is 88 of the canvas's px there, the most the gap under a
 * card holds (the row below is 80 px under it, the control reaches 17 px into the card). Further
 * out it would cover the cards around it, whose text is no longer readable anyway.
 */
const VOTE_TAP_MIN_ZOOM = 0.5

/**
 * On a phone, a vote open on a tree seen from further out than {@link VOTE_TAP_MIN_ZOOM}: the
 * cards' controls take no tap (a tap on one is the card's), and a button a thumb's size at the
 * canvas's foot brings the tree to a zoom one reads at, where they do. Render it inside
 * `<ReactFlow>`.
 */
export function VoteZoomPrompt({ canvas }: { canvas: VoteCanvas }) {
  const { t } = useTranslation('facilitation')
  const voting = useVoteOpen(canvas)
  const phone = usePhone()
  const far = useStore((s) => s.transform[2] < VOTE_TAP_MIN_ZOOM)
  const dom = useStore((s) => s.domNode)
  const flow = useReactFlow()
  const on = voting && phone && far
  useEffect(() => {
    if (!dom || !on) return
    dom.dataset.voteFar = ''
    return () => {
      delete dom.dataset.voteFar
    }
  }, [dom, on])
  if (!on) return null
  return (
    <Panel position="bottom-center" className="vote-zoom">
      <button
        type="button"
        className="vote-zoom-button"
        onClick={() => void flow.zoomTo(PHONE_READING_ZOOM, { duration: 200 })}
      >
        {t('vote.zoomIn')}
      </button>
    </Panel>
  )
}
