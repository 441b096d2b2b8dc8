import { useTranslation } from 'react-i18next'
import { useBoard } from '../store/context.tsx'
import type { BoardState } from '../store/boardStore.ts'
import { LinkChooserMenu } from '../kit/LinkChooserMenu.tsx'
import { useObjectiveActions } from './useObjectiveActions.ts'

interface Choice {
  id: string
  label: string
  selected: boolean
}

/** The objectives as the menu lists them: the same array while no text or selection changes. */
let last: { nodes: BoardState['canvases']['objectives']['nodes']; choices: Choice[] } | null = null
const choicesSelector = (s: BoardState): Choice[] => {
  const nodes = s.canvases.objectives.nodes
  if (
    last &&
    last.nodes.length === nodes.length &&
    nodes.every((n, i) => {
      const before = last!.nodes[i]!
      return before.id === n.id && before.data === n.data && !!before.selected === !!n.selected
    })
  )
    return last.choices
  const choices = nodes.map((n) => ({
    id: n.id,
    label: String(n.data.label ?? ''),
    selected: !!n.selected,
  }))
  last = { nodes, choices }
  return choices
}

/**
 * «Collega a…» on the objective tree: the selected objective becomes a means to another one, or
 * its end, chosen by its text — the same link as a drag between their dots, from the keyboard.
 */
export function ObjectiveLinkMenu() {
  const { t } = useTranslation('objectives')
  const objectives = useObjectiveActions()
  const cards = useBoard(choicesSelector)
  const selected = cards.filter((c) => c.selected)
  return (
    <LinkChooserMenu
      ns="objectives"
      from={selected.length === 1 ? selected[0]! : null}
      cards={cards}
      kinds={[
        { value: 'means', label: t('linkMenu.meansOf') },
        { value: 'end', label: t('linkMenu.endOf') },
      ]}
      onChoose={(from, to, as) =>
        as === 'means'
          ? objectives.linkMeansToEnd(from.id, to.id)
          : objectives.linkMeansToEnd(to.id, from.id)
      }
    />
  )
}
