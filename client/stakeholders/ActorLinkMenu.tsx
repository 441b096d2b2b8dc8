import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { LinkChooserMenu } from '../kit/LinkChooserMenu.tsx'
import { RELATION_KINDS, type RelationKind } from '../../shared/schema/index.ts'
import { useBoard, useBoardSession } from '../store/context.tsx'
import type { BoardState } from '../store/boardStore.ts'
import { useSelection } from './selection.tsx'

const nodesSelector = (s: BoardState) => s.canvases.stakeholders.nodes

/**
 * «Collega a…» on the relationship map: a relation from the selected actor to another chosen by
 * its name, of the kind picked above the names — the map's relations by keyboard alone (else
 * drawn only by dragging from an actor's dot). The actor stays selected and the focus goes back
 * to the button, for the next relation.
 */
export function ActorLinkMenu() {
  const { t } = useTranslation('stakeholders')
  const { actions } = useBoardSession()
  const { actorId } = useSelection()
  const nodes = useBoard(nodesSelector)
  const actors = useMemo(() => nodes.map((n) => ({ id: n.id, label: n.data.label })), [nodes])
  const kinds = useMemo(
    () => RELATION_KINDS.map((kind) => ({ value: kind, label: t(`relations.${kind}`) })),
    [t],
  )
  return (
    <LinkChooserMenu<RelationKind, { id: string; label: string }>
      ns="stakeholders"
      from={actors.find((a) => a.id === actorId) ?? null}
      cards={actors}
      kinds={kinds}
      onChoose={(from, to, kind) => actions.link('stakeholders', from.id, to.id, { kind })}
    />
  )
}
