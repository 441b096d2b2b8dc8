import { useMemo, useRef } from 'react'
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
    [t, i18n.language],
  )
}

/** Where the two cards' texts go in the link's name (characters no translation contains). */
const FROM = '\u0001'
const TO = '\u0002'
const MARKERS = /\u0001|\u0002/g

/**
 * Links named for screen readers by the cards they join ("Legame da «A» a «B»"), never by
 * internal ids. Unchanged links keep their identity, and while only positions change (a drag:
 * a new nodes array every frame, the same card data) the previous result is returned as it is.
 */
export function useNamedEdges<E extends Edge>(edges: E[], nodes: Node[]): E[] {
  const { t, i18n } = useTranslation('board')
  const last = useRef<{
    nodes: Node[]
    edges: E[]
    data: Map<string, unknown>
    lang: string
    out: E[]
    named: Map<string, { from: E; to: E }>
  } | null>(null)
  const prev = last.current
  if (
    prev &&
    prev.edges === edges &&
    prev.lang === i18n.language &&
    (prev.nodes === nodes ||
      (prev.data.size === nodes.length && nodes.every((n) => prev.data.get(n.id) === n.data)))
  )
    return prev.out
  const labels = new Map(nodes.map((n) => [n.id, String(n.data?.label ?? '')]))
  const named = new Map<string, { from: E; to: E }>()
  // The sentence is translated once, with markers where the cards' texts go: one translation
  // per link took about 60 ms of a 2,000-card board's first render.
  const template = t('flow.edge', { from: FROM, to: TO })
  const empty = t('card.empty')
  const out = edges.map((e) => {
    const from = labels.get(e.source) || empty
    const to = labels.get(e.target) || empty
    const ariaLabel = template.replace(MARKERS, (m) => (m === FROM ? from : to))
    // the same link with the same name keeps the object React Flow already has
    const before = prev?.named.get(e.id)
    const result =
      before && before.from === e && before.to.ariaLabel === ariaLabel
        ? before.to
        : e.ariaLabel === ariaLabel
          ? e
          : { ...e, ariaLabel }
    named.set(e.id, { from: e, to: result })
    return result
  })
  last.current = {
    nodes,
    edges,
    data: new Map(nodes.map((n) => [n.id, n.data])),
    lang: i18n.language,
    out,
    named,
  }
  return out
}
