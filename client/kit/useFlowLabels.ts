import { useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { AriaLabelConfig, Edge, Node } from '@xyflow/react'

/**
 * React Flow's own words (controls, minimap, keyboard help) in the reader's language. `tree`:
 * the keys of a tree's cards are the tree's own (Enter writes, Space selects, the arrows walk
 * to the next card: problems/useTreeKeyboard.ts), not React Flow's select-and-move.
 */
export function useFlowAriaLabels(tree = false): Partial<AriaLabelConfig> {
  const { t, i18n } = useTranslation('board')
  return useMemo(
    () => ({
      'node.a11yDescription.default': t(tree ? 'flow.nodeHelpTree' : 'flow.nodeHelp'),
      'node.a11yDescription.keyboardDisabled': t(
        tree ? 'flow.nodeHelpTree' : 'flow.nodeHelpKeyboard',
      ),
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
    [t, i18n.language, tree],
  )
}

/**
 * What a card's element says it is instead of React Flow's English "node" (its
 * `aria-roledescription`, which only a card's `domAttributes` can replace): «carta».
 */
export function useCardRoleAttributes(describedBy?: string): {
  'aria-roledescription': string
  'aria-describedby'?: string
} {
  const { t, i18n } = useTranslation('board')
  return useMemo(
    () => ({
      'aria-roledescription': t('flow.nodeRole'),
      ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    }),
    [t, i18n.language, describedBy],
  )
}

/**
 * Cards named for screen readers by what they are and what they say ("Causa: «Strade
 * dissestate»", from `name`) and described as cards in the reader's language; without a name a
 * card reached with Tab was announced as an English "node" and nothing else. `describedBy`: the
 * element whose text says what the keys do, where React Flow leaves it out (its own keys off,
 * as on the trees, whose keys are their own). A card keeps its
 * named copy while it is the same object, and its name while its data is (a drag or a glide, a
 * new object every frame, only copies the card); `name` must be stable (a new one names every
 * card again).
 */
export function useNamedNodes<N extends Node>(
  nodes: N[],
  name: (n: N) => string,
  describedBy?: string,
): N[] {
  const attributes = useCardRoleAttributes(describedBy)
  const cache = useRef<{
    name: unknown
    attributes: unknown
    named: WeakMap<N, N>
    names: WeakMap<object, string>
  } | null>(null)
  if (cache.current?.name !== name || cache.current.attributes !== attributes)
    cache.current = { name, attributes, named: new WeakMap(), names: new WeakMap() }
  const { named, names } = cache.current
  return useMemo(
    () =>
      nodes.map((n) => {
        let out = named.get(n)
        if (!out) {
          let ariaLabel = names.get(n.data)
          if (ariaLabel === undefined) names.set(n.data, (ariaLabel = name(n)))
          const domAttributes = n.domAttributes ? { ...n.domAttributes, ...attributes } : attributes
          out = { ...n, ariaLabel, domAttributes }
          named.set(n, out)
        }
        return out
      }),
    [nodes, named, names, name, attributes],
  )
}

/** Where a card's kind and text go in its name (characters no translation contains). */
const KIND = '\u0003'
const TEXT = '\u0004'
const CARD_MARKERS = /\u0003|\u0004/g

/**
 * A card's name: its kind and its text, or that it is empty. The sentence is translated once,
 * with markers where the kind and the text go: a translation per card (two, with its kind) took
 * about 60 ms of a 2,000-card board's first render, as it did for the links.
 */
export function useCardName(): (kind: string, text: string) => string {
  const { t, i18n } = useTranslation('board')
  return useMemo(() => {
    const template = t('flow.cardName', { kind: KIND, text: TEXT })
    const empty = t('card.empty')
    return (kind: string, text: string) =>
      template.replace(CARD_MARKERS, (m) => (m === KIND ? kind : text || empty))
  }, [t, i18n.language])
}

/** A translation by key, each key translated once (the few kinds of card a canvas names). */
export function useTranslatedOnce(ns: string): (key: string) => string {
  const { t, i18n } = useTranslation(ns)
  return useMemo(() => {
    const known = new Map<string, string>()
    return (key: string) => {
      let out = known.get(key)
      if (out === undefined) known.set(key, (out = t(key)))
      return out
    }
  }, [t, i18n.language])
}

type EdgeRole = { 'aria-roledescription': string }
const edgeRole = (name: string): EdgeRole => ({ 'aria-roledescription': name })

/**
 * Where a link's two ends go in its name, translated once with these in their places
 * (characters no translation contains), then filled for each link by `betweenNames`: one
 * translation per link took about 60 ms of a 2,000-card board's first render.
 */
export const LINK_ENDS = { from: '\u0001', to: '\u0002' } as const
const MARKERS = /\u0001|\u0002/g

/** `template` (translated with LINK_ENDS) with the names of a link's two ends in their places. */
export function betweenNames(template: string, from: string, to: string): string {
  return template.replace(MARKERS, (m) => (m === LINK_ENDS.from ? from : to))
}

/**
 * A canvas's own name for a link of its, from the texts of the cards it joins: the stakeholder
 * map says a relation's kind ("Conflitto tra «A» e «B»"). Made once per language: a new one
 * names every link again.
 */
export type EdgeName<E extends Edge> = (edge: E, from: string, to: string) => string

/**
 * Links named for screen readers by the cards they join ("Legame da «A» a «B»", or the
 * canvas's own `named`), never by internal ids. Unchanged links keep their identity, and while
 * only positions change (a drag: a new nodes array every frame, the same card data) the
 * previous result is returned as it is.
 */
export function useNamedEdges<E extends Edge>(edges: E[], nodes: Node[], named?: EdgeName<E>): E[] {
  const { t, i18n } = useTranslation('board')
  const last = useRef<{
    nodes: Node[]
    edges: E[]
    data: Map<string, unknown>
    lang: string
    by: EdgeName<E> | undefined
    attributes: EdgeRole
    out: E[]
    named: Map<string, { from: E; to: E }>
  } | null>(null)
  const prev = last.current
  if (
    prev &&
    prev.edges === edges &&
    prev.lang === i18n.language &&
    prev.by === named &&
    (prev.nodes === nodes ||
      (prev.data.size === nodes.length && nodes.every((n) => prev.data.get(n.id) === n.data)))
  )
    return prev.out
  const labels = new Map(nodes.map((n) => [n.id, String(n.data?.label ?? '')]))
  const made = new Map<string, { from: E; to: E }>()
  // the sentence is translated once (LINK_ENDS)
  const template = t('flow.edge', LINK_ENDS)
  // React Flow describes a link as an English "edge" unless its `domAttributes` say otherwise
  const attributes = prev?.lang === i18n.language ? prev.attributes : edgeRole(t('flow.edgeRole'))
  const empty = t('card.empty')
  const out = edges.map((e) => {
    const from = labels.get(e.source) || empty
    const to = labels.get(e.target) || empty
    const ariaLabel = named ? named(e, from, to) : betweenNames(template, from, to)
    // the same link with the same name keeps the object React Flow already has
    // (the role's object itself when the link has no attributes of its own: a copy per link
    // was never the one before, and every change of a card re-rendered all the links)
    const domAttributes = e.domAttributes ? { ...e.domAttributes, ...attributes } : attributes
    const before = prev?.named.get(e.id)
    const result =
      before &&
      before.from === e &&
      before.to.ariaLabel === ariaLabel &&
      (e.domAttributes || before.to.domAttributes === attributes)
        ? before.to
        : { ...e, ariaLabel, domAttributes }
    made.set(e.id, { from: e, to: result })
    return result
  })
  last.current = {
    nodes,
    edges,
    data: new Map(nodes.map((n) => [n.id, n.data])),
    lang: i18n.language,
    by: named,
    attributes,
    out,
    named: made,
  }
  return out
}
