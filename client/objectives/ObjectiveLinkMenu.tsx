import { useTranslation } from 'react-i18next'
import { useBoard } from '../store/context.tsx'
import { LinkChooserMenu } from '../kit/LinkChooserMenu.tsx'
import { cardChoicesOf } from '../kit/cardChoices.ts'
import { useObjectiveActions } from './useObjectiveActions.ts'

const choicesSelector = cardChoicesOf('objectives')

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
