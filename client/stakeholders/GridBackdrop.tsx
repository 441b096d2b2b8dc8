import { memo } from 'react'
import { useStore, useViewport, type NodeProps, type Node } from '@xyflow/react'
import { useTranslation } from 'react-i18next'
import { GRID, QUADRANTS, quadrantRect, type Quadrant } from '../../shared/stakeholders/grid.ts'

const QUADRANT_TINTS: Record<Quadrant, string> = {
  'manage-closely': '#fbe3df',
  'keep-satisfied': '#fdf1d8',
  'keep-informed': '#e3eefa',
  monitor: '#eeede8',
}
const QUADRANT_INKS: Record<Quadrant, string> = {
  'manage-closely': '#9c2a1f',
  'keep-satisfied': '#7a5200',
  'keep-informed': '#2a5590',
  monitor: '#5b6472',
}

/**
 * The four quadrants of Mendelow's grid with their strategies and the two axes, drawn in flow
 * coordinates as a node under the cards, so they pan and zoom with them.
 */
export const GridBackdrop = memo(function GridBackdrop() {
  const { t } = useTranslation('stakeholders')
  return (
    <div className="grid-backdrop" style={{ width: GRID.width, height: GRID.height }}>
      {QUADRANTS.map((q) => {
        const r = quadrantRect(q)
        const right = r.x > 0
        const bottom = r.y > 0
        return (
          <div
            key={q}
            className={`grid-quadrant quadrant-${q}`}
            data-quadrant={q}
            style={{
              left: r.x,
              top: r.y,
              width: r.width,
              height: r.height,
              background: QUADRANT_TINTS[q],
              justifyContent: bottom ? 'flex-end' : 'flex-start',
              alignItems: right ? 'flex-end' : 'flex-start',
              textAlign: right ? 'right' : 'left',
            }}
          >
            <div className="quadrant-title" style={{ color: QUADRANT_INKS[q] }}>
              {t(`quadrants.${q}`)}
            </div>
            <div className="quadrant-hint">{t(`quadrantHints.${q}`)}</div>
          </div>
        )
      })}
      <div className="grid-axis grid-axis-x">
        <span>{t('axes.low')}</span>
        <strong>{t('axes.interest')} →</strong>
        <span>{t('axes.high')}</span>
      </div>
      <div className="grid-axis grid-axis-y" style={{ width: GRID.height }}>
        <span>{t('axes.low')}</span>
        <strong>{t('axes.power')} →</strong>
        <span>{t('axes.high')}</span>
      </div>
    </div>
  )
})

/**
 * The tray beside the grid: actors nobody has placed yet wait here, to be dragged in. Its size
 * is the one trayLayout gives for the actors waiting.
 */
export const GridTray = memo(function GridTray({
  data,
}: NodeProps<Node<{ count: number; hint: boolean; width: number; height: number }>>) {
  const { t } = useTranslation('stakeholders')
  return (
    <div
      className="grid-tray"
      data-testid="grid-tray"
      style={{ width: data.width, height: data.height }}
    >
      <div className="grid-tray-title">{t('tray.title', { count: data.count })}</div>
      {data.hint && (
        <div className="grid-tray-hint">{data.count ? t('tray.hint') : t('tray.empty')}</div>
      )}
    </div>
  )
})

/**
 * The empty grid's hint («Aggiungete gli attori…»), in the page's type over the quadrants
 * wherever the view draws them: between their title bands, in the part of them in sight. In the
 * middle of the canvas it sat wherever the grid was not: on «POTERE →» once the grid was panned,
 * or framed for a window that had since changed size.
 */
export function GridHint({ text }: { text: string }) {
  const { x, y, zoom } = useViewport()
  const width = useStore((s) => s.width)
  const height = useStore((s) => s.height)
  const left = Math.max(0, x)
  const right = Math.min(width, x + GRID.width * zoom)
  const top = Math.max(0, y + GRID.titleBand * zoom)
  const bottom = Math.min(height, y + (GRID.height - GRID.titleBand) * zoom)
  // too little of the grid in sight to hold a line of it
  if (right - left < 160 || bottom - top < 40) return null
  return (
    <div
      className="canvas-hint grid-hint"
      data-testid="grid-hint"
      style={{ left, top, width: right - left, height: bottom - top }}
    >
      <p>{text}</p>
    </div>
  )
}
