import { useMemo, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { cutAtWord } from '../../shared/render/labels.ts'
import { ToolbarMenu } from './ToolbarMenu.tsx'

export interface LinkChoice {
  id: string
  label: string
}

/** How many cards the menu lists at once (the search narrows them). */
const LISTED = 12

/**
 * «Collega a…» on a tree or the map: links the selected card (`from`) to another one chosen by
 * its text, as one of the `kinds` of link (a cause or an effect of it; a means to it or its end;
 * a relation between actors) — no need to aim at a link dot, and all of it by keyboard.
 * `onChoose` makes the link.
 */
export function LinkChooserMenu<K extends string, C extends LinkChoice>({
  ns,
  from,
  cards,
  kinds,
  onChoose,
}: {
  /** Where its words are (`linkMenu.open`, `.kind`, `.filter`, `.none`, `.untitled`). */
  ns: 'board' | 'objectives' | 'stakeholders'
  from: C | null
  cards: C[]
  kinds: readonly { value: K; label: string }[]
  onChoose: (from: C, to: C, kind: K) => void
}) {
  const { t } = useTranslation(ns)
  const words = {
    open: t('linkMenu.open'),
    filter: t('linkMenu.filter'),
    none: t('linkMenu.none'),
    empty: t('linkMenu.untitled'),
  }
  const [as, setAs] = useState<K>(kinds[0]!.value)
  const [filter, setFilter] = useState('')
  const others = useMemo(() => {
    const search = filter.toLocaleLowerCase('it').trim()
    return cards
      .filter((c) => c.id !== from?.id)
      .filter((c) => !search || c.label.toLocaleLowerCase('it').includes(search))
      .slice(0, LISTED)
  }, [cards, from?.id, filter])
  const name = (label: string) => cutAtWord(label, 60) || words.empty
  return (
    <ToolbarMenu label={`${words.open}…`} title={words.open} disabled={!from}>
      {(close) => {
        const choose = (to: C) => {
          if (!from) return
          onChoose(from, to, as)
          setFilter('')
          close()
        }
        // Enter in the search: the one card it leaves is chosen; of several, the first is
        // focused (Enter again chooses it), so a link is never made to a card not looked at
        const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
          if (e.key !== 'Enter' || e.nativeEvent.isComposing) return
          e.preventDefault()
          if (others.length === 1) return choose(others[0]!)
          e.currentTarget.parentElement?.querySelector<HTMLElement>('[data-menu-item]')?.focus()
        }
        return (
          <>
            <fieldset className="tree-menu-kind">
              <legend>{t('linkMenu.kind', { card: name(from?.label ?? '') })}</legend>
              {kinds.map((k) => (
                <label key={k.value}>
                  <input
                    type="radio"
                    name="link-kind"
                    checked={as === k.value}
                    onChange={() => setAs(k.value)}
                  />
                  {k.label}
                </label>
              ))}
            </fieldset>
            <input
              aria-label={words.filter}
              placeholder={words.filter}
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              onKeyDown={onSearchKey}
            />
            {others.length === 0 && <p className="tree-menu-empty">{words.none}</p>}
            {others.map((c) => (
              <button key={c.id} role="menuitem" data-menu-item onClick={() => choose(c)}>
                {name(c.label)}
              </button>
            ))}
          </>
        )
      }}
    </ToolbarMenu>
  )
}
