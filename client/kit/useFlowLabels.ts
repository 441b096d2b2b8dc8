import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { AriaLabelConfig, Edge, Node } from '@xyflow/react'

/** React Flow's own words (controls, minimap, keyboard help) in the reader's language. */
export function useFlowAriaLabels(): Partial<AriaLabelConfig> {
  const { t, i18n } = useTranslation('board')
  return useMemo(
    () => ({
      'node.a11yDescription.default': t('flow.nodeHelp'),
      'node.a11yDescription.keyboardDisabled': t('flow.nodeHelpKeyboard'),
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) =>
        t('flow.moved', { direction: t(`flow.directions.${direction}`, direction), x, y }),
      'edge.a11yDescription.default': t('flow.edgeHelp'),
      'controls.ariaLabel': t('flow.controls'),
      'controls.zoomIn.ariaLabel': t('flow.zoomIn'),
      'controls.zoomOut.ariaLabel': t('flow.zoomOut'),
      'controls.fitView.ariaLabel': t('flow.fitView'),
      'controls.interactive.ariaLabel': t('flow.interactive'),
      'minimap.ariaLabel': t('flow.minimap'),
      'handle.ariaLabel': t('flow.handle'),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, i18n.language],
  )
}

/**
 * Links named for screen readers by the cards they join ("Legame da «A» a «B»"), never by
 * internal ids. Unchanged links keep their identity.
 */
export function useNamedEdges<E extends Edge>(edges: E[], nodes: Node[]): E[] {
  const { t, i18n } = useTranslation('board')
  return useMemo(() => {
    const labels = new Map(nodes.map((n) => [n.id, String(n.data?.label ?? '')]))
    return edges.map((e) => {
      const ariaLabel = t('flow.edge', {
        from: labels.get(e.source) || t('card.empty'),
        to: labels.get(e.target) || t('card.empty'),
      })
      return e.ariaLabel === ariaLabel ? e : { ...e, ariaLabel }
    })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [edges, nodes, t, i18n.language])
}
