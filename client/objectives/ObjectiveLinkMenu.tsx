import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { cutAtWord } from '../../shared/render/labels.ts'
import { useBoard } from '../store/context.tsx'
import type { BoardState } from '../store/boardStore.ts'
import { ToolbarMenu } from '../kit/ToolbarMenu.tsx'
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
  const from = selected.length === 1 ? selected[0]! : null
  const [as, setAs] = useState<'means' | 'end'>('means')
  const [filter, setFilter] = useState('')
  const empty = t('linkMenu.untitled')
  const others = useMemo(() => {
    const words = filter.toLocaleLowerCase('it').trim()
    return cards
      .filter((c) => c.id !== from?.id)
      .filter((c) => !words || c.label.toLocaleLowerCase('it').includes(words))
      .slice(0, 12)
  }, [cards, from?.id, filter])
  const name = (label: string) => cutAtWord(label, 60) || empty
  return (
    <ToolbarMenu label={`${t('linkMenu.open')}…`} title={t('linkMenu.open')} disabled={!from}>
      {(close) => (
        <>
          <fieldset className="tree-menu-kind">
            <legend>{t('linkMenu.kind', { card: name(from?.label ?? '') })}</legend>
            <label>
              <input
                type="radio"
                name="objective-link-kind"
                checked={as === 'means'}
                onChange={() => setAs('means')}
              />
              {t('linkMenu.meansOf')}
            </label>
            <label>
              <input
                type="radio"
                name="objective-link-kind"
                checked={as === 'end'}
                onChange={() => setAs('end')}
              />
              {t('linkMenu.endOf')}
            </label>
          </fieldset>
          <input
            aria-label={t('linkMenu.filter')}
            placeholder={t('linkMenu.filter')}
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
          {others.length === 0 && <p className="tree-menu-empty">{t('linkMenu.none')}</p>}
          {others.map((c) => (
            <button
              key={c.id}
              role="menuitem"
              data-menu-item
              onClick={() => {
                if (!from) return
                if (as === 'means') objectives.linkMeansToEnd(from.id, c.id)
                else objectives.linkMeansToEnd(c.id, from.id)
                setFilter('')
                close()
              }}
            >
              {name(c.label)}
            </button>
          ))}
        </>
      )}
    </ToolbarMenu>
  )
}
