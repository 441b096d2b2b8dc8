import { useEffect, useRef, useState, type FormEvent } from 'react'
import { Panel, useReactFlow } from '@xyflow/react'
import { useTranslation } from 'react-i18next'
import { SharedTextField } from '../text/SharedTextField.tsx'
import { PROBLEM_ROLES, type ProblemRole } from '../../shared/schema/index.ts'
import { useBoard, useBoardSession } from '../store/context.tsx'
import type { BoardState } from '../store/boardStore.ts'
import type { Item, ProblemCardData } from '../store/projection.ts'
import { selectedCardsSelector, type SelectedCard } from '../store/selection.ts'
import { nextClusterColor } from './clusters.ts'
import { onPhone } from '../kit/phone.ts'
import { revealCard } from '../kit/treeWalk.ts'

const selectedCards = selectedCardsSelector('problems')
const selectedSelector = (s: BoardState) => {
  const sel = selectedCards(s)
  return sel.length === 1 ? (sel[0] as SelectedCard<ProblemCardData>) : null
}
const groupsSelector = (s: BoardState) => s.lists.targetGroups
const clustersSelector = (s: BoardState) => s.lists['problems.clusters']

/** Whether the details panel is open is this browser's preference (closed at first: it covers cards). */
const OPEN_KEY = 'trama.inspectorOpen'
function readOpen(): boolean {
  try {
    return localStorage.getItem(OPEN_KEY) === '1'
  } catch {
    return false
  }
}
function writeOpen(open: boolean): void {
  try {
    localStorage.setItem(OPEN_KEY, open ? '1' : '0')
  } catch {
    // the preference lasts for this page only
  }
}

export function groupLabel(t: (k: string) => string, g: Item): string {
  return typeof g.key === 'string' && g.key ? t(`targetGroups.${g.key}`) : String(g.label ?? '')
}

/** Everything a card carries beyond its text: role, note or evidence, target groups, branch. */
export function ProblemInspector() {
  const { t } = useTranslation('board')
  const { actions } = useBoardSession()
  const card = useBoard(selectedSelector)
  const groups = useBoard(groupsSelector)
  const clusters = useBoard(clustersSelector)
  const [newGroup, setNewGroup] = useState('')
  const [open, setOpen] = useState(() => readOpen())
  // The button that opens the panel is replaced by it, and the panel by the button: the focus
  // goes to the one that is drawn, or it would fall to the page, where Tab makes a new card.
  const toggleRef = useRef<HTMLButtonElement>(null)
  const moveFocus = useRef(false)
  const setPanel = (next: boolean) => {
    moveFocus.current = true
    setOpen(next)
    writeOpen(next)
  }
  useEffect(() => {
    if (!moveFocus.current) return
    moveFocus.current = false
    toggleRef.current?.focus()
  }, [open])
  // On a phone the details are a sheet over the lower half, where the card they are about was
  // often left under them: it comes above the sheet, once the sheet is drawn.
  const flow = useReactFlow()
  const cardId = card?.id
  useEffect(() => {
    if (!open || !cardId || !onPhone()) return
    const frame = requestAnimationFrame(() => {
      const node = flow.getInternalNode(cardId)
      if (!node) return
      const at = { position: node.internals.positionAbsolute, measured: node.measured }
      revealCard(flow, document.querySelector('.react-flow'), at)
    })
    return () => cancelAnimationFrame(frame)
  }, [open, cardId, flow])
  if (!card) return null
  if (!open)
    return (
      <Panel position="top-right">
        <button
          ref={toggleRef}
          className="inspector-open"
          aria-expanded="false"
          onClick={() => setPanel(true)}
        >
          {t('inspector.title')} ▸
        </button>
      </Panel>
    )
  const tags = card.data.tags ?? []
  const update = (patch: Record<string, string | string[] | null>) =>
    actions.updateCard('problems', card.id, patch)
  // only this group: tags others add or remove meanwhile stay
  const toggle = (id: string) =>
    actions.editIdSet(
      'problems.nodes',
      card.id,
      'tags',
      tags.includes(id) ? { remove: [id] } : { add: [id] },
    )
  const addGroup = (e: FormEvent) => {
    e.preventDefault()
    const label = newGroup.trim()
    if (!label) return
    const id = actions.putRecord('targetGroups', { label })
    if (id) actions.editIdSet('problems.nodes', card.id, 'tags', { add: [id] })
    setNewGroup('')
  }
  const setCluster = (value: string) => {
    if (value !== '__new') return update({ cluster: value || null })
    const id = actions.putRecord('problems.clusters', {
      label: t('clusterDefaultName', { n: clusters.length + 1 }),
      color: nextClusterColor(clusters.length),
    })
    if (id) update({ cluster: id })
  }
  const cluster = clusters.find((c) => c.id === card.data.cluster)
  return (
    <Panel
      position="top-right"
      className="inspector"
      aria-label={t('inspector.title')}
      data-testid="inspector"
      // Escape closes the panel (as ✕ does) and the focus goes back to «Dettagli della carta»;
      // the tree's Escape, which would deselect the card and take panel and button away, is
      // not reached. In a text, Escape gives up what was typed (the field keeps that key).
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || e.defaultPrevented) return
        e.preventDefault()
        e.stopPropagation()
        setPanel(false)
      }}
    >
      <div className="inspector-head">
        <h2>{t('inspector.title')}</h2>
        <button
          ref={toggleRef}
          aria-expanded="true"
          aria-label={t('inspector.close')}
          onClick={() => setPanel(false)}
        >
          ✕
        </button>
      </div>
      <label>
        {t('inspector.text')}
        <SharedTextField
          key={`${card.id}:label`}
          target={{ collection: 'problems.nodes', id: card.id, field: 'label' }}
          label={t('inspector.text')}
          rows={3}
        />
      </label>
      <label>
        {t('inspector.role')}
        <select
          value={card.data.role}
          onChange={(e) => actions.setRole(card.id, e.target.value as ProblemRole)}
        >
          {PROBLEM_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`problemRoles.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('inspector.note')}
        <SharedTextField
          key={`${card.id}:note`}
          target={{ collection: 'problems.nodes', id: card.id, field: 'note' }}
          label={t('inspector.note')}
          placeholder={t('inspector.notePlaceholder')}
          rows={4}
        />
      </label>
      <fieldset>
        <legend>{t('inspector.tags')}</legend>
        <div className="tag-choices">
          {groups.map((g) => (
            <label key={g.id} className={`tag-choice${tags.includes(g.id) ? ' on' : ''}`}>
              <input type="checkbox" checked={tags.includes(g.id)} onChange={() => toggle(g.id)} />
              {groupLabel(t, g)}
            </label>
          ))}
        </div>
        <form className="inline-form" onSubmit={addGroup}>
          <input
            aria-label={t('inspector.addTag')}
            placeholder={t('inspector.addTagPlaceholder')}
            value={newGroup}
            maxLength={200}
            onChange={(e) => setNewGroup(e.target.value)}
          />
          <button type="submit">{t('inspector.add')}</button>
        </form>
      </fieldset>
      <label>
        {t('inspector.cluster')}
        <select value={card.data.cluster ?? ''} onChange={(e) => setCluster(e.target.value)}>
          <option value="">{t('inspector.noCluster')}</option>
          {clusters.map((c) => (
            <option key={c.id} value={c.id}>
              {String(c.label)}
            </option>
          ))}
          <option value="__new">{t('inspector.newCluster')}</option>
        </select>
      </label>
      {cluster && (
        <label>
          {t('inspector.clusterName')}
          <SharedTextField
            key={cluster.id}
            target={{ collection: 'problems.clusters', id: cluster.id, field: 'label' }}
            label={t('inspector.clusterName')}
            multiline={false}
          />
        </label>
      )}
      {card.data.author && (
        <p className="inspector-author">{t('inspector.author', { name: card.data.author })}</p>
      )}
    </Panel>
  )
}
