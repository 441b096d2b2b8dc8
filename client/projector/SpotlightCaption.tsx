import { useTranslation } from 'react-i18next'
import { cutAtWord } from '../../shared/render/labels.ts'
import type { CanvasName } from '../../shared/schema/index.ts'
import { useBoard } from '../store/context.tsx'
import type { BoardState } from '../store/boardStore.ts'

/**
 * On the projector, what the spotlight shows: «Riflettore su «…»» — the room sees why only part
 * of the tree is on the screen (it read as if cards were missing, walkthrough).
 */
export function SpotlightCaption({ canvas, id }: { canvas: CanvasName; id: string }) {
  const { t } = useTranslation('room')
  const name = useBoard((s: BoardState) => {
    const card = s.canvases[canvas].nodes.find((n) => n.id === id)
    if (card) return String(card.data.label ?? '')
    const branch = s.lists['problems.clusters']?.find((c) => c.id === id)
    return branch ? String(branch.label ?? '') : null
  })
  if (name === null) return null
  return (
    <p className="spotlight-caption" role="status" data-testid="spotlight-caption">
      {t('spotlightOn', { name: cutAtWord(name, 60) || t('spotlightUntitled') })}
    </p>
  )
}
