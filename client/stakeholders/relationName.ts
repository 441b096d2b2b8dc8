import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Edge } from '@xyflow/react'
import { RELATION_KINDS } from '../../shared/schema/index.ts'
import { RELATION_LOOK } from '../../shared/stakeholders/look.ts'
import { asRelationKind } from './data.ts'
import { LINK_ENDS, betweenNames, type EdgeName } from '../kit/useFlowLabels.ts'

/**
 * A relation of the map as a screen reader announces it: its kind and its two actors,
 * «Conflitto tra «A» e «B»», «Finanziamento da «A» a «B»» for a kind with a direction (the
 * arrow the map draws). A plain «Legame da «A» a «B»» left out what the line's colour and
 * dashes say. Each kind's sentence is translated once (LINK_ENDS).
 */
export function useRelationName(): EdgeName<Edge> {
  const { t, i18n } = useTranslation('stakeholders')
  return useMemo(() => {
    const sentences = new Map(
      RELATION_KINDS.map((k) => [
        k,
        t(RELATION_LOOK[k].directed ? 'relationName.directed' : 'relationName.mutual', {
          kind: t(`relations.${k}`),
          ...LINK_ENDS,
        }),
      ]),
    )
    return (edge, from, to) =>
      betweenNames(sentences.get(asRelationKind(edge.data?.kind))!, from, to)
  }, [t, i18n.language])
}
