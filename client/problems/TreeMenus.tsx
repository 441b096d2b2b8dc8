import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard, useBoardSession } from '../store/context.tsx'
import type { useTreeEditing } from './useTreeEditing.ts'
import type { CardNode } from '../store/projection.ts'
import { freeSpot, heightOf, layerOffset } from '../kit/placement.ts'
import { ToolbarMenu } from '../kit/ToolbarMenu.tsx'
import { LinkChooserMenu } from '../kit/LinkChooserMenu.tsx'
import { cutAtWord } from '../../shared/render/labels.ts'
import { cardChoicesOf, type CardChoice } from '../kit/cardChoices.ts'

type Editing = ReturnType<typeof useTreeEditing>
const cardChoices = cardChoicesOf('problems')
const useCards = (): CardChoice[] => useBoard(cardChoices)

/**
 * Where a card linked from the menu should move so the tree reads top to bottom: a free spot a
 * layer below the card it causes or above the card it is an effect of; null when it already is
 * on that side, clear of the other card's row (a cause whose top is below the other's foot, an
 * effect whose foot is above the other's top). A card half a card lower, beside the other, is
 * still on its row: it moves, or its link would loop sideways from one's foot to the other's top.
 */
function sideOf(nodes: CardNode[], id: string, otherId: string, as: 'cause' | 'effect') {
  const card = nodes.find((n) => n.id === id)
  const other = nodes.find((n) => n.id === otherId)
  if (!card || !other) return null
  const below = card.position.y >= other.position.y + heightOf(other)
  const above = card.position.y + heightOf(card) <= other.position.y
  if ((as === 'cause' && below) || (as === 'effect' && above)) return null
  return freeSpot(
    { x: other.position.x, y: other.position.y + layerOffset(other, as) },
    nodes.filter((n) => n.id !== id),
  )
}

const oppositeOf = (role: string) => (role === 'cause' ? 'effect' : 'cause')

/** A card's text as a menu shows it: one line, the whole words within 60 characters. */
const short = (label: string, empty: string): string => cutAtWord(label, 60) || empty

/**
 * "+ Problema": what the new card is, chosen as it is made — the core problem (while the tree
 * has none), a cause or an effect of the selected card (or of the core), or a card to link
 * later.
 */
export function AddCardMenu({ editing }: { editing: Editing }) {
  const { t } = useTranslation('board')
  const cards = useCards()
  const selected = cards.filter((c) => c.selected)
  const core = cards.find((c) => c.role === 'core')
  const anchor = selected.length === 1 ? selected[0]! : core
  const empty = t('card.empty')
  return (
    <ToolbarMenu
      className="primary"
      label={`+ ${t('toolbar.addProblem')}`}
      title={t('toolbar.addProblem')}
      typeToChoose
    >
      {(close) => (
        <>
          {!core && (
            <button
              role="menuitem"
              data-menu-item
              onClick={() => {
                close()
                editing.addAtCenter('core')
              }}
            >
              {t('addMenu.core')}
            </button>
          )}
          {anchor && (
            <>
              <button
                role="menuitem"
                data-menu-item
                onClick={() => {
                  close()
                  editing.addRelated(anchor.id, 'cause')
                }}
              >
                ↓ {t('addMenu.causeOf', { card: short(anchor.label, empty) })}
              </button>
              <button
                role="menuitem"
                data-menu-item
                onClick={() => {
                  close()
                  editing.addRelated(anchor.id, 'effect')
                }}
              >
                ↑ {t('addMenu.effectOf', { card: short(anchor.label, empty) })}
              </button>
            </>
          )}
          <button
            role="menuitem"
            data-menu-item
            onClick={() => {
              close()
              editing.addAtCenter('cause')
            }}
          >
            {t('addMenu.free')}
          </button>
        </>
      )}
    </ToolbarMenu>
  )
}

/**
 * "Collega a…": links the selected card to another one chosen by its text, as its cause or as
 * its effect, and moves it to its side of the tree.
 */
export function LinkMenu() {
  const { t } = useTranslation('board')
  const { actions, store } = useBoardSession()
  const cards = useCards()
  const selected = cards.filter((c) => c.selected)
  const from = selected.length === 1 ? selected[0]! : null
  return (
    <LinkChooserMenu
      ns="board"
      from={from}
      cards={cards}
      kinds={[
        { value: 'cause', label: t('linkMenu.causeOf') },
        { value: 'effect', label: t('linkMenu.effectOf') },
      ]}
      onChoose={(a, b, as) => {
        // the card takes the side of the tree it joins: a cause of a cause (or of the core) is
        // a cause, an effect of an effect (or of the core) an effect
        actions.transact(() => {
          if (as === 'cause') actions.linkCauseToEffect(a.id, b.id)
          else actions.linkCauseToEffect(b.id, a.id)
          if (a.role !== 'core' && a.role !== as && b.role !== oppositeOf(as))
            actions.setRole(a.id, as)
          // and its place: below what it causes, above what it is an effect of
          const spot = sideOf(store.getState().canvases.problems.nodes, a.id, b.id, as)
          if (spot) actions.moveCards('problems', new Map([[a.id, spot]]))
        })
      }}
    />
  )
}
