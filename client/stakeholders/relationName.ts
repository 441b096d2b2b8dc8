import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Edge } from '@xyflow/react'
import { RELATION_KINDS } from '../../shared/schema/index.ts'
import { RELATION_LOOK } from '../../shared/stakeholders/look.ts'
import { asRelationKind } from './data.ts'

/** Where the two actors' names go in the sentence (characters no translation contains). */
const FROM = '\u0001'
const TO = '\u0002'
const MARKERS = /\u0001|\u0002/g

/**
 * A relation of the map as a screen reader announces it: its kind and its two actors,
 * «Conflitto tra «A» e «B»», «Finanziamento da «A» a «B»» for a kind with a direction (the
 * arrow the map draws). A plain «Legame da «A» a «B»» left out what the line's colour and
 * dashes say. Each kind's sentence is translated once, with markers where the names go.
 */
export function useRelationName(): (edge: Edge, from: string, to: string) => string {
  const { t, i18n } = useTranslation('stakeholders')
  return useMemo(() => {
    const sentences = new Map(
      RELATION_KINDS.map((k) => [
        k,
        t(RELATION_LOOK[k].directed ? 'relationName.directed' : 'relationName.mutual', {
          kind: t(`relations.${k}`),
          from: FROM,
          to: TO,
        }),
      ]),
    )
    return (edge, from, to) =>
      sentences
        .get(asRelationKind(edge.data?.kind))!
        .replace(MARKERS, (m) => (m === FROM ? from : to))
  }, [t, i18n.language])
}
